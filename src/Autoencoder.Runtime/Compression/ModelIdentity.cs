using System;
using System.Buffers.Binary;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The few bytes a stream carries to say which model wrote it: the start of a SHA-256 over the architecture
/// fingerprint and every entry of the model's state_dict, then of its bottleneck's (name, dtype, shape, bytes), in name order.
/// </summary>
internal static class ModelIdentity
{
    /// <summary>Bytes of the hash a header keeps: one chance in 4·10⁹ that another model's stream passes for ours.</summary>
    public const int Length = 4;

    /// <summary>
    /// Hashes <paramref name="fingerprint"/>, the current state of <paramref name="model"/> and then that of
    /// <paramref name="bottleneck"/>, whose density the coding tables come from (usually also inside the model; hashing
    /// it again costs a few hundred numbers and covers a bottleneck kept outside).
    /// </summary>
    public static byte[] Compute(string fingerprint, nn.Module model, nn.Module bottleneck)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendString(hash, fingerprint);
        using var noGrad = no_grad();
        AppendState(hash, model);
        AppendState(hash, bottleneck);
        return hash.GetHashAndReset().AsSpan(0, Length).ToArray();
    }

    /// <summary>
    /// Throws unless the model's identity is still <paramref name="identity"/>: a codec's tables were built from the weights
    /// as they were when it was created, and would no longer match changed ones.
    /// </summary>
    public static void ThrowIfChanged(ReadOnlySpan<byte> identity, string fingerprint, nn.Module model, nn.Module bottleneck, string codecName)
    {
        if (!Compute(fingerprint, model, bottleneck).AsSpan().SequenceEqual(identity))
        {
            throw new InvalidOperationException(
                $"The model's weights changed since the codec '{codecName}' was created; its tables no longer match them. Create a new codec (CreateCodec()).");
        }
    }

    private static void AppendState(IncrementalHash hash, nn.Module module)
    {
        // detach() and cpu() make handles of their own: freed with the scope, not left to the finaliser.
        using var scope = NewDisposeScope();
        var state = module.state_dict();
        AppendInt64(hash, state.Count);
        foreach (var (name, tensor) in state.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            AppendString(hash, name);
            AppendString(hash, tensor.dtype.ToString());
            AppendInt64(hash, tensor.dim());
            foreach (var size in tensor.shape)
            {
                AppendInt64(hash, size);
            }

            using var contiguous = tensor.detach().cpu().contiguous();
            hash.AppendData(contiguous.bytes);
        }
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendInt64(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
