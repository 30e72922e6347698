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
        public const string Layer = "LayerAttribute";
        public const string Dense = "DenseAttribute";
        public const string Flatten = "FlattenAttribute";
        public const string Unflatten = "UnflattenAttribute";
        public const string Dropout = "DropoutAttribute";
    }
}
