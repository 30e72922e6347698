using Autoencoder.Generators.FrontEnds.Yaml;

namespace Autoencoder.Generators.Layers;

/// <summary>Settings several kinds share, with the defaults in <see cref="Defaults"/>.</summary>
internal static class CommonParameters
{
    public static readonly BoolParameter Bias = new(nameof(Bias), Defaults.Bias);
    public static readonly ChoiceParameter<WeightInit> Init = new(nameof(Init), YamlVocabulary.Inits);
    public static readonly NumberParameter NegativeSlope = new(nameof(NegativeSlope), Defaults.NegativeSlope);
    public static readonly NumberParameter Epsilon = new(nameof(Epsilon), Defaults.NormEpsilon);

    /// <summary>The activation, a constructor argument at <paramref name="position"/>.</summary>
    public static ChoiceParameter<Activation> Activation(int position) => new(nameof(Activation), YamlVocabulary.Activations, position: position);
}
