using System.Collections.Concurrent;
using TorchSharp;

namespace Autoencoder.Runtime.Torch;

/// <summary>
/// Scalars that live as long as the process, for the constants of a model and of the runtime (a loss weight, a clamp
/// bound, the 1 of an addition): passing one of these to a TorchSharp call is always safe.
/// </summary>
/// <remarks>
/// TorchSharp turns a number passed to a tensor operation into a temporary <see cref="Scalar"/> with a finalizer and
/// does not keep it alive during the native call, so a collection on any thread can free it mid-call (libtorch then
/// fails with <c>Expected false to be true ... Scalar.h</c>). Even <c>a + b</c> of two tensors makes one (TorchSharp's
/// <c>add</c> passes alpha = 1). A value computed at run time instead belongs in a <c>using var s = x.ToScalar();</c>
/// declaration around the call. The tests/analyzer in src/Autoencoder.Analyzers reports every temporary.
/// </remarks>
public static class HeldScalars
{
    // Every Scalar made here is stored before anything uses it, and never freed: the one place that creates them this way.
#pragma warning disable AES002
    private static readonly ConcurrentDictionary<double, Scalar> Reals = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    /// <summary>1, the alpha of a plain tensor addition: <c>a.add(b, HeldScalars.One)</c> is <c>a + b</c>.</summary>
    public static Scalar One { get; } = 1.0.ToScalar();

    /// <summary>0.</summary>
    public static Scalar Zero { get; } = 0.0.ToScalar();

    /// <summary>The held Scalar of a constant <paramref name="value"/>, created on first use and never freed; for constants
    /// only (each distinct value stays in memory).</summary>
    public static Scalar Of(double value) => Reals.GetOrAdd(value, static v => v.ToScalar());

    /// <summary>An integer constant's held Scalar (an int64 Scalar keeps integer tensors integer, where a double would promote them).</summary>
    public static Scalar Of(long value) => Integers.GetOrAdd(value, static v => v.ToScalar());
#pragma warning restore AES002
}
