using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;

namespace Autoencoder.Generators.Spec
{
    /// <summary>Layer normalisation over each sample's whole shape, with an elementwise scale and shift.</summary>
    internal sealed record LayerNormSpec(double Epsilon, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "LayerNorm" + (NormText.IsDefault(Epsilon) ? string.Empty : "(" + NormText.Epsilon(Epsilon) + ")");
    }

    /// <summary>Group normalisation of the channels (the first dimension) in equal groups, with a per-channel scale and shift.</summary>
    internal sealed record GroupNormSpec(int Groups, double Epsilon, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe()
            => "GroupNorm(" + Literals.Format(Groups) + (NormText.IsDefault(Epsilon) ? string.Empty : ", " + NormText.Epsilon(Epsilon)) + ")";
    }

    internal static class NormText
    {
        /// <summary>The attributes' default, and PyTorch's.</summary>
        public const double DefaultEpsilon = 1e-5;

        // Exact comparison on purpose: only the untouched default is left out of the description.
        public static bool IsDefault(double epsilon) => epsilon.Equals(DefaultEpsilon);

        public static string Epsilon(double epsilon) => "eps " + Literals.Format(epsilon);
    }
}
