using System;
using System.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Saves and loads a module's parameters and buffers in the two formats PyTorch reads: safetensors
/// (<c>safetensors.torch.load_file</c>) and a state_dict as <c>torch.save(model.state_dict(), path)</c> writes it
/// (<c>torch.load</c>; <c>.pt</c> or <c>.pth</c>). The names are the module's state_dict() keys, which for a generated
/// model are those of a PyTorch <c>nn.Module</c> with one attribute per generated layer field (<c>encoder1.weight</c>,
/// <c>encoder1.running_mean</c>, ...): docs/interop.md lists the rule and the equivalent PyTorch modules.
/// </summary>
/// <remarks>
/// Saving writes a temporary file beside the target, flushes it and renames it into place, so a crash never leaves a
/// half-written file. Values are written as they are, NaN and infinity included: whether such weights are worth
/// exporting is the caller's decision. Loading is all or nothing: the file is read into new tensors and every name,
/// shape and dtype checked against the module before anything is copied; dtypes must match exactly (float32 weights,
/// an int64 <c>num_batches_tracked</c>), nothing is converted.
/// </remarks>
public static class PyTorchWeights
{
    /// <summary>Writes the module's state to <paramref name="path"/> as safetensors, creating its directory.</summary>
    public static void SaveSafetensors(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var state = PyTorchStateDict.Of(model);
        AtomicFile.Write(path, stream => Safetensors.SaveStateDict(stream, state, leaveOpen: true));
    }

    /// <summary>Loads a safetensors file, from <see cref="SaveSafetensors"/> or from PyTorch, into the module.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete safetensors file; the module is
    /// unchanged.</exception>
    /// <exception cref="InvalidOperationException">The file's names, shapes or dtypes do not match the module; the
    /// message names the first offending parameter and both shapes, and the module is unchanged.</exception>
    public static void LoadSafetensors(nn.Module model, string path) =>
        ModuleStateLoader.Load(model, path, SafetensorsFileReader.Read);

    /// <summary>
    /// Writes the module's state to <paramref name="path"/> as <c>torch.save(model.state_dict(), path)</c> would
    /// (a zip archive with a pickled dictionary), creating its directory.
    /// </summary>
    public static void SaveStateDict(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var state = PyTorchStateDict.Of(model);
        AtomicFile.Write(path, stream => PyTorchPickler.PickleStateDict(stream, state, leaveOpen: true));
    }

    /// <summary>
    /// Loads a state_dict file, from <see cref="SaveStateDict"/> or from <c>torch.save(model.state_dict(), path)</c>,
    /// into the module.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a complete torch.save state_dict (a legacy non-zip file,
    /// a whole pickled model or a checkpoint dictionary included); the module is unchanged.</exception>
    /// <exception cref="InvalidOperationException">The file's names, shapes or dtypes do not match the module; the
    /// message names the first offending parameter and both shapes, and the module is unchanged.</exception>
    public static void LoadStateDict(nn.Module model, string path) =>
        ModuleStateLoader.Load(model, path, StateDictFileReader.Read);
}
