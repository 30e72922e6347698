namespace Autoencoder.Generators.Layers;

/// <summary>How the normalisation layers write their epsilon: only a value other than the default is shown.</summary>
internal static class NormText
{
    // Exact comparison on purpose: only the untouched default is left out.
    public static bool IsDefault(double epsilon) => epsilon.Equals(Defaults.NormEpsilon);

    public static string Epsilon(double epsilon) => "eps " + Literals.Format(epsilon);

    /// <summary>The constructor argument, or nothing for the default (which is TorchSharp's too).</summary>
    public static string Argument(double epsilon) => IsDefault(epsilon) ? string.Empty : ", eps: " + Literals.Format(epsilon);
}
