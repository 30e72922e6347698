using System;
using System.Collections.Generic;
using System.Globalization;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Range checks of one layer's own values, before shape inference divides by strides and groups. Each check reports
/// at the layer and returns whether it passed; kinds combine them with <c>&amp;</c> so that every problem is reported.
/// </summary>
internal sealed class LayerCheck
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public LayerCheck(LayerSpec layer, string role, List<DiagnosticInfo> diagnostics)
    {
        Layer = layer;
        Role = role;
        _diagnostics = diagnostics;
        Where = layer.Describe() + " in the " + role;
    }

    public LayerSpec Layer { get; }

    /// <summary>"encoder" or "decoder".</summary>
    public string Role { get; }

    /// <summary>The layer in words, e.g. "Conv2d(16, 3) in the encoder".</summary>
    public string Where { get; }

    /// <summary>Validates a layer nested in this one (a residual block's body), with its own kind's checks.</summary>
    public bool Nested(LayerSpec inner) => inner.Kind.Validate(inner, new LayerCheck(inner, Role, _diagnostics));

    public bool Check(bool ok, string what, string expected, string actual)
        => ModelAnalyzer.Check(ok, Layer.Location, what, expected, actual, _diagnostics);

    /// <summary>"The kernel size of …" for a lower-case <paramref name="what"/>, "Stride of …" for a property name.</summary>
    public bool Positive(int value, string what)
        => Check(value > 0, char.IsUpper(what[0]) ? what + " of " + Where : "The " + what + " of " + Where, "positive", Literals.Format(value));

    public bool NotNegative(int value, string what) => Check(value >= 0, what + " of " + Where, "≥ 0", Literals.Format(value));

    /// <summary>A dropout rate: NaN fails the comparison too.</summary>
    public bool Rate(double rate) => Check(rate >= 0 && rate < 1, "The rate of " + Where, "in [0, 1)", Literals.Format(rate));

    // NaN fails the comparison too; an infinite epsilon would scale every output to zero.
    public bool Epsilon(double epsilon) => Check(epsilon > 0 && !double.IsInfinity(epsilon), "Epsilon of " + Where, "a finite number > 0", Literals.Format(epsilon));

    public bool Defined<T>(T value, string what)
        where T : struct, Enum
        => Check(Enum.IsDefined(typeof(T), value), what + " of " + Where, "one of " + string.Join(", ", Enum.GetNames(typeof(T))), Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));

    public bool Activation(Activation activation) => Defined(activation, "The activation");

    public bool Slope(double negativeSlope)
        => Check(negativeSlope >= 0 && !double.IsInfinity(negativeSlope), "NegativeSlope of " + Where, "a finite number ≥ 0", Literals.Format(negativeSlope));

    /// <summary>What every layer with weights and an activation checks: the activation, the initialiser and the leaky slope.</summary>
    public bool Neuron(Activation activation, WeightInit init, double negativeSlope)
        => Activation(activation) & Defined(init, "The Init") & Slope(negativeSlope);

    /// <summary>Reports a combination of values that cannot work, with a message that says which and what to do.</summary>
    public bool Unsupported(string message)
    {
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, Layer.Location, message));
        return false;
    }

    public bool Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, params string[] arguments)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, Layer.Location, arguments));
        return false;
    }
}
