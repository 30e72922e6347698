using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// A checkpoint read completely into memory and checked against a model and optimizer, but not yet applied. Reading
/// and checking can fail in many ways; applying cannot (for a checked file), which is what makes loading all-or-nothing.
/// </summary>
internal sealed class LoadedCheckpoint : IDisposable
{
    private readonly List<KeyValuePair<string, Tensor>> _weights;
    private Optimizer.LoadedState? _optimizer;
    private readonly byte[] _random;

    private LoadedCheckpoint(string path, CheckpointHeader header, List<KeyValuePair<string, Tensor>> weights,
        Dictionary<string, Tensor>? bestWeights, Optimizer.LoadedState? optimizer, byte[] random)
    {
        Path = path;
        Header = header;
        _weights = weights;
        BestWeights = bestWeights;
        _optimizer = optimizer;
        _random = random;
    }

    public string Path { get; }

    public CheckpointHeader Header { get; }

    /// <summary>Early stopping's best weights, when the run kept them; owned by this object until taken.</summary>
    public Dictionary<string, Tensor>? BestWeights { get; private set; }

    /// <summary>Reads just the header, checking the whole file's integrity first.</summary>
    public static CheckpointHeader ReadHeader(string path) =>
        ParseHeader(Sections(path), path);

    /// <summary>Reads <paramref name="path"/> and checks it against <paramref name="model"/> and <paramref name="optimizer"/>.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">Truncated, corrupt or not a checkpoint.</exception>
    /// <exception cref="InvalidOperationException">Written for another model (fingerprint, names, shapes) or optimizer.</exception>
    public static LoadedCheckpoint Read(string path, nn.Module model, Optimizer? optimizer, string? fingerprint)
    {
        var sections = Sections(path);
        var header = ParseHeader(sections, path);
        if (fingerprint is not null && header.ModelFingerprint is not null && header.ModelFingerprint != fingerprint)
            throw Mismatch(path, $"it was written for a model with architecture fingerprint {header.ModelFingerprint}, " +
                                 $"and this model's is {fingerprint} (its layers or shapes differ)");
        if (optimizer is not null && header.Optimizer != optimizer.Name)
            throw Mismatch(path, $"it holds {header.Optimizer} optimizer state, and this trainer uses {optimizer.Name}");

        // Everything read is freed by this scope on failure; on success it is detached and owned by the result.
        using var scope = NewDisposeScope();
        {
            var target = model.state_dict();
            var weights = ReadWeights(sections, CheckpointSections.Weights, path);
            ModuleStateLoader.Check(target, weights, $"Checkpoint '{path}'");

            Dictionary<string, Tensor>? best = null;
            if (sections.TryGetValue(CheckpointSections.BestWeights, out _))
            {
                var entries = ReadWeights(sections, CheckpointSections.BestWeights, path);
                ModuleStateLoader.Check(target, entries, $"Checkpoint '{path}' (best weights)");
                best = new Dictionary<string, Tensor>(StringComparer.Ordinal);
                foreach (var (name, value) in entries)
                    best[name] = value;
            }

            var optimizerBytes = Require(sections, CheckpointSections.Optimizer, path).ToArray();
            var random = Require(sections, CheckpointSections.Random, path).ToArray();
            // Read and checked now, so a checkpoint whose optimizer state does not fit is refused before anything changes.
            Optimizer.LoadedState? optimizerState = null;
            if (optimizer is not null)
            {
                using var reader = new BinaryReader(new MemoryStream(optimizerBytes, writable: false), Encoding.UTF8);
                optimizerState = optimizer.ReadState(reader, $"The optimizer state in checkpoint '{path}'");
            }

            foreach (var entry in weights)
                entry.Value.DetachFromDisposeScope();
            if (best is not null)
            {
                foreach (var value in best.Values)
                    value.DetachFromDisposeScope();
            }
            return new LoadedCheckpoint(path, header, weights, best, optimizerState, random);
        }
    }

    /// <summary>Copies the weights into the model.</summary>
    public void ApplyWeights(nn.Module model)
    {
        using var noGrad = no_grad();
        var target = model.state_dict();
        foreach (var (name, value) in _weights)
            target[name].copy_(value);
    }

    /// <summary>Restores the optimizer's state (read and checked by <see cref="Read"/> for this optimizer) and torch's global random generator.</summary>
    public void ApplyTrainingState(Optimizer optimizer)
    {
        var optimizerState = _optimizer ?? throw new InvalidOperationException("This checkpoint was read without an optimizer, or its state was applied already.");
        optimizer.Apply(optimizerState);
        _optimizer = null;
        optimizerState.Dispose();
        using var state = tensor(_random, ScalarType.Byte);
        set_rng_state(state);
    }

    /// <summary>Hands the best weights to the caller, who then owns (and disposes) them.</summary>
    public Dictionary<string, Tensor>? TakeBestWeights()
    {
        var best = BestWeights;
        BestWeights = null;
        return best;
    }

    public void Dispose()
    {
        _optimizer?.Dispose();
        foreach (var entry in _weights)
            entry.Value.Dispose();
        if (BestWeights is not null)
        {
            foreach (var value in BestWeights.Values)
                value.Dispose();
        }
    }

    private static Dictionary<string, ReadOnlyMemory<byte>> Sections(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Checkpoint '{path}' does not exist.", path);
        return CheckpointContainer.Read(File.ReadAllBytes(path), path);
    }

    private static CheckpointHeader ParseHeader(Dictionary<string, ReadOnlyMemory<byte>> sections, string path)
    {
        var json = Require(sections, CheckpointSections.Header, path);
        CheckpointHeader? header;
        try
        {
            header = JsonSerializer.Deserialize(json.Span, CheckpointJson.Default.CheckpointHeader);
        }
        catch (JsonException e)
        {
            throw CheckpointContainer.Bad(path, "its header is not valid: " + e.Message);
        }
        if (header is null)
            throw CheckpointContainer.Bad(path, "its header is empty");
        if (header.Format != CheckpointHeader.CurrentFormat)
            throw CheckpointContainer.Bad(path, $"it has format version {header.Format}, and this runtime reads version {CheckpointHeader.CurrentFormat}");
        return header;
    }

    private static List<KeyValuePair<string, Tensor>> ReadWeights(Dictionary<string, ReadOnlyMemory<byte>> sections, string name, string path)
    {
        var bytes = Require(sections, name, path).ToArray();
        using var stream = new MemoryStream(bytes, writable: false);
        return WeightsFileReader.Read(stream, $"Checkpoint '{path}' has an unreadable '{name}' section");
    }

    private static ReadOnlyMemory<byte> Require(Dictionary<string, ReadOnlyMemory<byte>> sections, string name, string path) =>
        sections.TryGetValue(name, out var bytes)
            ? bytes
            : throw CheckpointContainer.Bad(path, $"it has no '{name}' section");

    private static InvalidOperationException Mismatch(string path, string reason) =>
        new($"Checkpoint '{path}' does not belong to this run: {reason}. Nothing was loaded.");
}
