namespace Autoencoder.Generators.FrontEnds;

/// <summary>
/// Metadata names of the model attributes in Autoencoder.Dsl; the generator never references that assembly. Layer attributes
/// are named by their kinds (<see cref="Layers.LayerKinds"/>).
/// </summary>
internal static class AttributeNames
{
    public const string Namespace = "Autoencoder";
    public const string Autoencoder = "Autoencoder.AutoencoderAttribute";
    public const string Input = "InputAttribute";
    public const string Loss = "LossAttribute";
    public const string Optimizer = "OptimizerAttribute";
    public const string Training = "TrainingAttribute";
    public const string TrainingData = "TrainingDataAttribute";
    public const string EarlyStopping = "EarlyStoppingAttribute";
    public const string LearningRateSchedule = "LearningRateScheduleAttribute";
    public const string Denoising = "DenoisingAttribute";
    public const string Sparse = "SparseAttribute";
    public const string Contractive = "ContractiveAttribute";
    public const string Layer = "LayerAttribute";
    public const string Variational = "VariationalAttribute";
    public const string VectorQuantized = "VectorQuantizedAttribute";
    public const string Compression = "CompressionAttribute";
}
