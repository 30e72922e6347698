namespace Autoencoder.Generators.Emit;

/// <summary>
/// The numbers of a generated module class, as Scalars that outlive every native call. The emitters ask here for the
/// text of each one (<see cref="One"/>, <see cref="Real(double)"/>, <see cref="Integer(long)"/>), which records the
/// private helper it names; <see cref="Write"/> then declares the helpers the class uses, at its end.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns a number passed to a tensor operation into a temporary <c>TorchSharp.Scalar</c> that nothing
/// holds during the native call, so a garbage collection on any thread can free it mid-call. Some of its methods do so
/// inside: <c>a + b</c> and <c>a.add(b)</c> pass alpha = 1 that way, <c>t.square()</c> is <c>t.pow(2)</c>,
/// <c>functional.leaky_relu(t, slope)</c> converts the slope, <c>2 * t</c> is <c>t.mul(2)</c>, <c>1 - t</c> is
/// <c>t.negative().add(1)</c>, <c>ρ / t</c> is <c>t.reciprocal().mul(ρ)</c>, and BatchNorm's forward counts a training
/// batch with <c>num_batches_tracked.add_(1)</c>. Generated code calls the same libtorch operations with held Scalars
/// instead (<c>a.add(b, One)</c>, <c>t.pow(HeldInteger(2))</c>, <c>t.neg().add(Held(1.0), One)</c>,
/// <c>HeldBatchNorm.Forward</c>), so trained numbers do not change. A number known only at run time is a
/// <c>using var</c> of <c>ToScalar()</c> where it is used.
/// </remarks>
internal sealed class ScalarHelpers
{
    private const string Scalar = "global::TorchSharp.Scalar";
    private const string HeldScalars = TorchNames.Runtime + ".Torch.HeldScalars";

    private bool _one;
    private bool _real;
    private bool _integer;

    /// <summary>The alpha of a plain addition: <c>a.add(b, One)</c> is <c>a + b</c>, and <c>t.add(Held(x), One)</c> is <c>t + x</c>.</summary>
    public string One()
    {
        _one = true;
        return "One";
    }

    /// <summary>The held Scalar of a real constant, for a floating-point tensor.</summary>
    public string Real(double value) => Real(Literals.Format(value));

    /// <summary>The held Scalar of <paramref name="expression"/>, a constant expression of type double (<c>CodebookDecay</c>, <c>1 - 1e-6</c>).</summary>
    public string Real(string expression)
    {
        _real = true;
        return "Held(" + expression + ")";
    }

    /// <summary>The held Scalar of an integer constant: an exponent, or a value for an integer tensor.</summary>
    public string Integer(long value) => Integer(Literals.Format(value));

    /// <summary>The held Scalar of <paramref name="expression"/>, a constant integer expression (<c>PixelsPerImage</c>).</summary>
    public string Integer(string expression)
    {
        _integer = true;
        return "HeldInteger(" + expression + ")";
    }

    /// <summary><c>module.forward(input)</c> of a BatchNorm1d or BatchNorm2d layer through the runtime's
    /// <c>HeldBatchNorm</c>, which counts the batch with held Scalars (TorchSharp's forward drops two).</summary>
    public static string BatchNorm(string module, string input) =>
        TorchNames.Runtime + ".Torch.HeldBatchNorm.Forward(" + module + ", " + input + ")";

    /// <summary>Declares the helpers the class's code uses, after a blank line; nothing when it uses none.</summary>
    public void Write(SourceWriter w)
    {
        if (!_one && !_real && !_integer)
        {
            return;
        }

        var examples = new System.Collections.Generic.List<string>();
        if (_one)
        {
            examples.Add("a + b is a.add(b, One)");
        }

        if (_real)
        {
            examples.Add("2 * t is t.mul(Held(2.0))");
        }

        if (_integer)
        {
            examples.Add("t.square() is t.pow(HeldInteger(2))");
        }

        w.Line();
        w.Line("// The numbers this class passes to TorchSharp are Scalars held for the whole process: TorchSharp would turn a bare");
        w.Line("// number, and the alpha = 1 of its a + b, into a temporary Scalar that a garbage collection can free during the native");
        w.Line("// call. The libtorch operations, and so the results, are those of TorchSharp's own forms:");
        w.Line("// " + string.Join(", ", examples) + ".");
        if (_one)
        {
            w.Line("private static " + Scalar + " One => " + HeldScalars + ".One;");
        }

        if (_real)
        {
            w.Line("private static " + Scalar + " Held(double value) => " + HeldScalars + ".Of(value);");
        }

        if (_integer)
        {
            w.Line("private static " + Scalar + " HeldInteger(long value) => " + HeldScalars + ".Of(value);");
        }
    }
}
