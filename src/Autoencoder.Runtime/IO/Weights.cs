using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>Saves and loads a module's parameters and buffers in TorchSharp's own weights format.</summary>
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
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' does not name a file.", nameof(path));
        Directory.CreateDirectory(directory);

        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
                    model.save(writer);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
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
    public static void Load(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);

        using var scope = NewDisposeScope();
        var entries = WeightsFileReader.Read(path);
        var target = model.state_dict();
        Check(target, entries, $"Weights file '{path}'");

        using var noGrad = no_grad();
        foreach (var entry in entries)
            target[entry.Name].copy_(entry.Value);
    }

    /// <summary>Throws unless <paramref name="entries"/> has exactly the module's names, each with its shape and dtype.</summary>
    /// <param name="target">The module's state dictionary.</param>
    /// <param name="entries">What was read from the file.</param>
    /// <param name="source">Starts the error message, e.g. "Weights file 'model.bin'".</param>
    internal static void Check(Dictionary<string, Tensor> target, List<WeightsFileReader.Entry> entries, string source)
    {
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in entries)
        {
            inFile.Add(name);
            if (!target.TryGetValue(name, out var expected))
                throw Mismatch(source, $"it has parameter '{name}' {Describe(value)}, which the module does not have");
            if (!expected.shape.AsSpan().SequenceEqual(value.shape) || expected.dtype != value.dtype)
                throw Mismatch(source,
                    $"parameter '{name}' is {Describe(value)} in the file but {Describe(expected)} in the module");
        }
        foreach (var (name, expected) in target)
        {
            if (!inFile.Contains(name))
                throw Mismatch(source, $"module parameter '{name}' {Describe(expected)} is missing from the file");
        }
    }

    private static string Describe(Tensor t) => $"{TensorArguments.Format(t.shape)} {t.dtype}";

    private static InvalidOperationException Mismatch(string source, string reason) =>
        new($"{source} does not match the module: {reason}. Nothing was loaded.");
}
