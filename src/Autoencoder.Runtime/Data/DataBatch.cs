using static TorchSharp.torch;

namespace Autoencoder.Runtime.Data;

/// <summary>One batch of an epoch.</summary>
/// <param name="Inputs">The samples that could be read, [B, ...]; null when every sample of the batch was skipped.</param>
/// <param name="Skipped">Samples of this batch left out because their files were bad (<see cref="BadImagePolicy.Skip"/>).</param>
public sealed record DataBatch(Tensor? Inputs, int Skipped)
{
    /// <summary>Samples in <see cref="Inputs"/>.</summary>
    public long Samples => Inputs?.shape[0] ?? 0;
}
