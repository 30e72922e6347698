namespace Autoencoder.Generators.Spec
{
    /// <summary>
    /// What a model adds to its reconstruction objective: input corruption while training (denoising) and penalties on the
    /// code (sparse, contractive). Declared by attributes or YAML; analysed and emitted the same way for both.
    /// </summary>
    internal sealed record RegularizationSpec
    {
        public static readonly RegularizationSpec None = new();
    }
}
