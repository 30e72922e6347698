using System;
using System.Collections.Generic;
using System.IO;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Loads a module's parameters and buffers from a weights file, all or nothing, whatever the file's format: the
/// file is read into new tensors and every name, shape and dtype is checked against the module's state_dict()
/// before the first value is copied, so a file that is unreadable or does not fit leaves the module as it was.
/// </summary>
internal static class ModuleStateLoader
{
    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="read"/>, checks, then copies. The reader returns each name
    /// once, in the file's order, as tensors that belong to the dispose scope opened here; it throws
    /// <see cref="InvalidDataException"/> for a malformed file. With <paramref name="widenFloat16"/> a float16 value may
    /// fill a float32 tensor (a model file written with <see cref="WeightStorage.Float16"/>); every other dtype must match.
    /// </summary>
    public static void Load(
        nn.Module model, string path, Func<string, IReadOnlyList<KeyValuePair<string, Tensor>>> read, bool widenFloat16 = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);

        using var scope = NewDisposeScope();
        var entries = read(path);
        var target = model.state_dict();
        Check(target, entries, $"Weights file '{path}'", widenFloat16);

        using var noGrad = no_grad();
        foreach (var (name, value) in entries)
            target[name].copy_(value);
    }

    /// <summary>Walks the module's state in its order, then the file's extra names; throws at the first misfit.</summary>
    /// <param name="target">The module's state_dict().</param>
    /// <param name="entries">What the file holds.</param>
    /// <param name="source">Starts the error message, e.g. "Weights file 'model.bin'".</param>
    /// <param name="widenFloat16">Whether a float16 value may fill a float32 tensor.</param>
    internal static void Check(
        Dictionary<string, Tensor> target, IReadOnlyList<KeyValuePair<string, Tensor>> entries, string source, bool widenFloat16 = false)
    {
        var inFile = new Dictionary<string, Tensor>(entries, StringComparer.Ordinal);
        foreach (var (name, expected) in target)
        {
            if (!inFile.TryGetValue(name, out var value))
                throw Mismatch(source, $"module parameter '{name}' {Describe(expected)} is missing from the file");
            var widened = widenFloat16 && value.dtype == ScalarType.Float16 && expected.dtype == ScalarType.Float32;
            if (!expected.shape.AsSpan().SequenceEqual(value.shape) || (expected.dtype != value.dtype && !widened))
                throw Mismatch(source,
                    $"parameter '{name}' is {Describe(value)} in the file but {Describe(expected)} in the module");
        }
        foreach (var (name, value) in entries)
        {
            if (!target.ContainsKey(name))
                throw Mismatch(source, $"it has parameter '{name}' {Describe(value)}, which the module does not have");
        }
    }

    private static string Describe(Tensor t) => $"{TensorArguments.Format(t.shape)} {t.dtype}";

    private static InvalidOperationException Mismatch(string source, string reason) =>
        new($"{source} does not match the module: {reason}. Nothing was loaded.");
}
