namespace Autoencoder.Generators.Emit;

internal static class ActivationCode
{
    /// <summary>
    /// The activation applied to <paramref name="expression"/>. Leaky ReLU is the tensor method that
    /// <c>functional.leaky_relu</c> calls, given a held slope: the functional form converts its double to a temporary Scalar.
    /// </summary>
    public static string Apply(SourceWriter w, Activation activation, double slope, string expression) => activation switch
    {
        Activation.ReLU => TorchNames.Functional + ".relu(" + expression + ")",
        Activation.LeakyReLU => expression + ".leaky_relu(" + w.Scalars.Real(slope) + ")",
        Activation.Sigmoid => TorchNames.Functional + ".sigmoid(" + expression + ")",
        Activation.Tanh => TorchNames.Functional + ".tanh(" + expression + ")",
        Activation.GELU => TorchNames.Functional + ".gelu(" + expression + ")",
        _ => expression,
    };
}
