using System;
using Autoencoder.Cli.Registry;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Models;

namespace Autoencoder.Cli;

/// <summary>A model file's model, loaded: the registry entry it was trained as and the instance with its weights.</summary>
internal sealed class LoadedModel(ModelEntry entry, ModelHandle handle) : IDisposable
{
    public ModelEntry Entry { get; } = entry;

    public ModelHandle Handle { get; } = handle;

    /// <summary>The one image size a fixed-size model takes; a model of free sizes has none (see <see cref="IsFree"/>).</summary>
    public ImageLayout Layout => IsFree
        ? throw new InvalidOperationException($"'{Entry.Name}' takes images of any size; it has no fixed layout.")
        : ImageLayout.FromShape(Entry.InputShape);

    /// <summary>What the model takes: its channels and either one size or any (fully convolutional).</summary>
    public ImageGeometry? Geometry => Entry.Geometry;

    /// <summary>Whether the model takes images of any size: the commands then work on each photo at its own size.</summary>
    public bool IsFree => Entry.Geometry is { IsFree: true };

    /// <summary>
    /// Reads <paramref name="path"/>, or the shipped weights of the registry entry it names when there is no such file
    /// (<see cref="PretrainedModels"/>); a file for a model this tool does not have, or for another architecture, is a one-line error.
    /// </summary>
    public static LoadedModel Load(string path)
    {
        path = PretrainedModels.Resolve(path);
        ModelEntry? entry = null;
        ModelHandle? handle = null;
        try
        {
            // One read of the file: the header names the registry entry, whose fresh model then takes the weights.
            ModelFile.Load(path, header =>
            {
                entry = ModelRegistry.Find(header.ModelName)
                        ?? throw new CliException($"{path}: holds the model '{header.ModelName}', which this tool does not have (it has {ModelRegistry.Names})");
                handle = entry.Create();
                return (handle.Module, entry.Name, entry.Fingerprint);
            });
            handle!.Module.eval();
            return new LoadedModel(entry!, handle);
        }
        catch
        {
            handle?.Dispose();
            throw;
        }
    }

    /// <summary>The model as the capability a command needs, or a one-line error naming the models that have it.</summary>
    public T Require<T>(string command, string what) where T : class, IAutoencoder =>
        Handle.As<T>() ?? throw new CliException(
            $"'{command}' needs {what}, and the model file holds '{Entry.Name}', which has none; train one of: {ModelRegistry.NamesWith<T>()}");

    public void Dispose() => Handle.Dispose();
}
