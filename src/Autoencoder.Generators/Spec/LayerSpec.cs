using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;

namespace Autoencoder.Generators.Spec
{
    /// <summary>A layer as declared. <see cref="Location"/> points at its attribute or YAML node.</summary>
    internal abstract record LayerSpec(LocationInfo? Location)
    {
        /// <summary>How the layer reads in messages and in the model summary, e.g. <c>Dense(32, ReLU)</c>.</summary>
        public abstract string Describe();
    }

    internal sealed record DenseSpec(int Units, Activation Activation, bool Bias, double NegativeSlope, WeightInit Init, LocationInfo? Location)
        : LayerSpec(Location)
    {
        public override string Describe()
        {
            var text = "Dense(" + Units;
            if (Activation != Activation.None)
            {
                text += ", " + Activation;
            }

            if (!Bias)
            {
                text += ", no bias";
            }

            return text + ")";
        }
    }

    internal sealed record FlattenSpec(LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "Flatten";
    }

    internal sealed record UnflattenSpec(EquatableArray<int> Shape, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "Unflatten(" + string.Join(", ", Shape) + ")";
    }

    internal sealed record DropoutSpec(double Rate, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "Dropout(" + Literals.Format(Rate) + ")";
    }

    /// <summary>
    /// A residual block: <c>activation(body(x) + x)</c>, where <see cref="Layers"/> is the body. If the body changes the
    /// shape, analysis adds a projection of the input.
    /// </summary>
    internal sealed record ResidualSpec(EquatableArray<LayerSpec> Layers, Activation Activation, double NegativeSlope, LocationInfo? Location)
        : LayerSpec(Location)
    {
        public override string Describe()
        {
            var text = "Residual(" + Layers.Count + (Layers.Count == 1 ? " layer" : " layers");
            return text + (Activation == Activation.None ? ")" : ", " + Activation + ")");
        }
    }

    /// <summary>A layer attribute the generator does not know (a user-derived LayerAttribute).</summary>
    internal sealed record UnknownLayerSpec(string AttributeName, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => AttributeName;
    }
}
