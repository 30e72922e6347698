using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>What a checkpoint file says about its run, read without a model.</summary>
/// <param name="CompletedEpochs">Epochs finished when it was written.</param>
/// <param name="StepsIntoEpoch">Steps taken in the epoch after those (0 at an epoch boundary).</param>
/// <param name="ModelFingerprint">The architecture fingerprint of the model that wrote it, if the trainer supplied one.</param>
/// <param name="StoppedEarly">Early stopping had ended the run.</param>
/// <param name="History">The completed epochs' results.</param>
public sealed record CheckpointInfo(
    int CompletedEpochs,
    long StepsIntoEpoch,
    string? ModelFingerprint,
    bool StoppedEarly,
    IReadOnlyList<EpochResult> History);

/// <summary>Reading checkpoints outside training: to inspect a run, or to load its weights for inference.</summary>
public static class Checkpoint
{
    /// <summary>Checks the file's integrity and returns its run information.</summary>
    /// <exception cref="System.IO.FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="System.IO.InvalidDataException">Truncated, corrupt or not a checkpoint; the message says which.</exception>
    public static CheckpointInfo Inspect(string path)
    {
        var header = LoadedCheckpoint.ReadHeader(path);
        return new CheckpointInfo(header.CompletedEpochs, header.StepsIntoEpoch, header.ModelFingerprint,
            header.StoppedEarly, header.History);
    }

    /// <summary>
    /// Loads the checkpoint's weights into <paramref name="model"/> (in eval use; training state is ignored). The file
    /// is checked completely first — integrity, fingerprint, every name, shape and dtype — so on failure the model is unchanged.
    /// </summary>
    /// <param name="model">The model to load into.</param>
    /// <param name="path">The checkpoint file.</param>
    /// <param name="modelFingerprint">The model's generated <c>Fingerprint</c>; when given, a checkpoint of another architecture is refused by name.</param>
    /// <exception cref="System.IO.FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="System.IO.InvalidDataException">Truncated, corrupt or not a checkpoint.</exception>
    /// <exception cref="System.InvalidOperationException">Written for another architecture.</exception>
    public static void LoadWeights(nn.Module model, string path, string? modelFingerprint = null)
    {
        System.ArgumentNullException.ThrowIfNull(model);
        using var loaded = LoadedCheckpoint.Read(path, model, optimizer: null, modelFingerprint);
        loaded.ApplyWeights(model);
    }
}
