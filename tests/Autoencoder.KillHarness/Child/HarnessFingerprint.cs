using System;
using System.Security.Cryptography;
using System.Text;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// Stands in for the generated model fingerprint until the generator emits one: a hash of the generated summary,
/// which names every layer and shape, so checkpoints are refused by another architecture.
/// </summary>
internal static class HarnessFingerprint
{
    public static string Value { get; } =
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HarnessAutoencoder.Summary)))[..16];
}
