using Autoencoder.Generators.FrontEnds.Yaml;

namespace Autoencoder.Generators.Layers
{
    /// <summary>Settings several kinds share, with the defaults in <see cref="LayerDefaults"/>.</summary>
    internal static class CommonParameters
    {
        public static readonly BoolParameter Bias = new(nameof(Bias), LayerDefaults.Bias);
        public static readonly ChoiceParameter<WeightInit> Init = new(nameof(Init), YamlVocabulary.Inits);
        public static readonly NumberParameter NegativeSlope = new(nameof(NegativeSlope), LayerDefaults.NegativeSlope);
        public static readonly NumberParameter Epsilon = new(nameof(Epsilon), LayerDefaults.Epsilon);

        /// <summary>The activation, a constructor argument at <paramref name="position"/>.</summary>
        public static ChoiceParameter<Activation> Activation(int position) => new(nameof(Activation), YamlVocabulary.Activations, position: position);
    }
}
