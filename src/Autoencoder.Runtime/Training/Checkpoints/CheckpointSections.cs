namespace Autoencoder.Runtime.Training;

/// <summary>Section names in a checkpoint file.</summary>
internal static class CheckpointSections
{
    public const string Header = "header";
    public const string Weights = "weights";
    public const string Optimizer = "optimizer";
    public const string Random = "rng";
    public const string BestWeights = "best_weights";
}
