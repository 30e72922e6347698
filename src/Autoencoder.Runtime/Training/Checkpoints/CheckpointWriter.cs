using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Turns a run's state into checkpoint bytes: header, weights, optimizer state, RNG state and best weights.</summary>
internal static class CheckpointWriter
{
    public static byte[] Serialize(
        CheckpointHeader header,
        nn.Module model,
        Optimizer optimizer,
        IReadOnlyDictionary<string, Tensor>? bestWeights)
    {
        var sections = new List<(string, byte[])>
        {
            (CheckpointSections.Header, JsonSerializer.SerializeToUtf8Bytes(header, CheckpointJson.Default.CheckpointHeader)),
            (CheckpointSections.Weights, Bytes(w => model.save(w))),
            (CheckpointSections.Optimizer, Bytes(optimizer.SaveState)),
            (CheckpointSections.Random, RandomState()),
        };
        if (bestWeights is not null)
        {
            var copy = new Dictionary<string, Tensor>(bestWeights);
            sections.Add((CheckpointSections.BestWeights, Bytes(w => nn.Module.save_state_dict(w, copy))));
        }
        return CheckpointContainer.Write(sections);
    }

    private static byte[] RandomState()
    {
        using var state = get_rng_state();
        return state.bytes.ToArray();
    }

    private static byte[] Bytes(System.Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            write(writer);
        return buffer.ToArray();
    }
}
