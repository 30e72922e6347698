using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace Autoencoder.KillHarness;

/// <summary>A SHA-256 over every state_dict tensor, in name order: equal digests mean bit-identical weights.</summary>
internal static class WeightDigest
{
    public static string Of(nn.Module model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, tensor) in model.state_dict().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            // The name too, so a value moved between tensors changes the digest.
            hash.AppendData(Encoding.UTF8.GetBytes(name));
            using var scope = NewDisposeScope();
            hash.AppendData(tensor.detach().cpu().contiguous().bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
