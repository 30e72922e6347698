namespace Autoencoder.Generators.FrontEnds
{
    /// <summary>Metadata names of the attributes in Autoencoder.Dsl; the generator never references that assembly.</summary>
    internal static class AttributeNames
    {
        public const string Namespace = "Autoencoder";
        public const string Autoencoder = "Autoencoder.AutoencoderAttribute";
        public const string Input = "InputAttribute";
        public const string Loss = "LossAttribute";
        public const string Optimizer = "OptimizerAttribute";
        public const string Training = "TrainingAttribute";
        public const string EarlyStopping = "EarlyStoppingAttribute";
        public const string LearningRateSchedule = "LearningRateScheduleAttribute";
        public const string Denoising = "DenoisingAttribute";
        public const string Sparse = "SparseAttribute";
        public const string Contractive = "ContractiveAttribute";
        public const string Layer = "LayerAttribute";
        public const string Dense = "DenseAttribute";
        public const string Flatten = "FlattenAttribute";
        public const string Unflatten = "UnflattenAttribute";
        public const string Dropout = "DropoutAttribute";
        public const string Conv2d = "Conv2dAttribute";
        public const string ConvTranspose2d = "ConvTranspose2dAttribute";
        public const string MaxPool2d = "MaxPool2dAttribute";
        public const string AvgPool2d = "AvgPool2dAttribute";
        public const string Upsample = "UpsampleAttribute";
        public const string BatchNorm = "BatchNormAttribute";
        public const string Dropout2d = "Dropout2dAttribute";
        public const string Residual = "ResidualAttribute";
        public const string EndResidual = "EndResidualAttribute";
        public const string LayerNorm = "LayerNormAttribute";
        public const string GroupNorm = "GroupNormAttribute";
        public const string Variational = "VariationalAttribute";
        public const string VectorQuantized = "VectorQuantizedAttribute";
        public const string Compression = "CompressionAttribute";
    }
}
