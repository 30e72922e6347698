using System;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Saves and loads a module's parameters and buffers in TorchSharp's own weights format. For files PyTorch reads
/// (safetensors, <c>torch.save</c> state_dicts) see <see cref="PyTorchWeights"/>.
/// </summary>
public static class Weights
{
    /// <summary>
    /// Writes the module's state (parameters and buffers) to <paramref name="path"/>, creating its directory.
    /// The file is written under a temporary name in the same directory, flushed to disk and then renamed,
    /// so a crash never leaves a half-written file at <paramref name="path"/>.
    /// </summary>
    public static void Save(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            model.save(writer);
        });
    }

    /// <summary>
    /// Loads weights saved by <see cref="Save"/> (or TorchSharp's <c>Module.save</c>) into <paramref name="model"/>.
    /// The whole file is read and checked against the module before any tensor is written, so on failure the
    /// module is left unchanged.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a TorchSharp weights file (or is truncated).</exception>
    /// <exception cref="InvalidOperationException">The file's names, shapes or dtypes do not match the module;
    /// the message names the first offending parameter and both shapes.</exception>
    public static void Load(nn.Module model, string path) =>
        ModuleStateLoader.Load(model, path, WeightsFileReader.Read);
}
