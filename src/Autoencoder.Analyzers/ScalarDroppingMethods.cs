using System.Collections.Immutable;

namespace Autoencoder.Analyzers;

/// <summary>
/// The TorchSharp methods that create a <c>TorchSharp.Scalar</c> inside and drop it while native code may still be
/// using it, so calling them is unsafe however carefully the caller holds its own Scalars (AES003). Checked against
/// the TorchSharp 0.107 sources (a survey of them found these among the ~265 public methods that do this; the ones
/// listed are those this repository used or is likely to).
/// </summary>
/// <remarks>
/// To add a method: its containing type's metadata name (a nested type after a '+', e.g. "TorchSharp.torch+Tensor"),
/// its name (an operator's metadata name, e.g. "op_Addition"), optionally the parameter types of the one overload meant
/// (namespace-qualified, keywords for the built-in types, no nullable marks: "TorchSharp.torch.Tensor, double"; null
/// means every overload), and what to write instead.
/// <para>
/// <c>Tensor.item&lt;T&gt;()</c> is not here on purpose: it reads <c>data&lt;T&gt;()[0]</c>, straight from the
/// tensor's memory, with no Scalar (T must be the tensor's element type, or it throws).
/// </para>
/// </remarks>
internal static class ScalarDroppingMethods
{
    private const string TensorExtensionMethods = "TorchSharp.TensorExtensionMethods";
    private const string Tensor = "TorchSharp.torch+Tensor";
    private const string Torch = "TorchSharp.torch";
    private const string Functional = "TorchSharp.torch+nn+functional";

    private const string AddWithHeldAlpha =
        "it passes a temporary alpha of 1 (add(other) is add(other, 1)); write a.add(b, one) or a.add_(b, one) with a held Scalar one (e.g. HeldScalars.One)";

    private const string ReadWithItem =
        "read the value with item<T>() for the tensor's element type (e.g. t.item<float>() on a float32 tensor) and convert it in C#; item<T>() copies it out of the tensor's data without a Scalar";

    public static readonly ImmutableArray<ScalarDroppingMethod> All = ImmutableArray.Create(
        // Each is value.ToScalar().ToXxx(): the Scalar that THSTensor_item returned is unreachable while ToXxx reads it.
        new ScalarDroppingMethod(TensorExtensionMethods, "ToDouble", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToSingle", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToHalf", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToBFloat16", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToSByte", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToByte", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToInt16", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToInt32", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToInt64", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToBoolean", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToComplexFloat32", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToComplexFloat64", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToComplex32", null, ReadWithItem),
        new ScalarDroppingMethod(TensorExtensionMethods, "ToComplex64", null, ReadWithItem),

        // (float)t, (double)t, (long)t, (bool)t...: each explicit operator is value.ToSingle() etc.
        new ScalarDroppingMethod(Tensor, "op_Explicit", null, ReadWithItem),

        // The one-operand additions pass a temporary alpha of 1: add(other) is add(other, 1). So do a + b and s - t.
        // (Tensor operators that take a number are AES001: the number itself becomes the temporary.)
        new ScalarDroppingMethod(Tensor, "add", "TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "add", "TorchSharp.Scalar", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "add_", "TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "add_", "TorchSharp.Scalar", AddWithHeldAlpha),
        new ScalarDroppingMethod(Torch, "add", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Torch, "add", "TorchSharp.torch.Tensor, TorchSharp.Scalar", AddWithHeldAlpha),
        new ScalarDroppingMethod(Torch, "add_", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Torch, "add_", "TorchSharp.torch.Tensor, TorchSharp.Scalar", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "op_Addition", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "op_Addition", "TorchSharp.torch.Tensor, TorchSharp.Scalar", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "op_Addition", "TorchSharp.Scalar, TorchSharp.torch.Tensor", AddWithHeldAlpha),
        new ScalarDroppingMethod(Tensor, "op_Subtraction", "TorchSharp.Scalar, TorchSharp.torch.Tensor", "s - t is t.negative().add(s), with a temporary alpha of 1; write t.neg().add(s, one) with held Scalars"),
        new ScalarDroppingMethod(Tensor, "addcdiv", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", "it passes a temporary value of 1; pass a held value: addcdiv(t1, t2, one)"),
        new ScalarDroppingMethod(Tensor, "addcdiv_", "TorchSharp.torch.Tensor, TorchSharp.torch.Tensor", "it passes a temporary value of 1; pass a held value: addcdiv_(t1, t2, one)"),

        // square() is pow(2).
        new ScalarDroppingMethod(Tensor, "square", null, "it is pow(2) with a temporary 2; write t.mul(t), or t.pow(two) with a held two"),
        new ScalarDroppingMethod(Torch, "square", null, "it is pow(2) with a temporary 2; write t.mul(t), or t.pow(two) with a held two"),

        // arange(stop) and arange(start, stop) fill in a temporary start or step.
        new ScalarDroppingMethod(Torch, "arange", "TorchSharp.Scalar, TorchSharp.torch.ScalarType?, TorchSharp.torch.Device, bool", "it passes a temporary start of 0 and step of 1; call arange(start, stop, step) with held Scalars"),
        new ScalarDroppingMethod(Torch, "arange", "TorchSharp.Scalar, TorchSharp.Scalar, TorchSharp.torch.ScalarType?, TorchSharp.torch.Device, bool", "it passes a temporary step of 1; call arange(start, stop, step) with held Scalars"),

        // Activations that take a double and convert it on the way to native code.
        new ScalarDroppingMethod(Functional, "leaky_relu", null, "it converts the slope to a temporary; call x.leaky_relu(slope) with a held Scalar slope"),
        new ScalarDroppingMethod(Functional, "softplus", null, "it converts beta and threshold to temporaries and TorchSharp has no Scalar overload; compute it from held Scalars"),
        new ScalarDroppingMethod(Tensor, "softplus", null, "it converts beta and threshold to temporaries and TorchSharp has no Scalar overload; compute it from held Scalars"),

        // Modules whose forward makes temporaries: BatchNorm counts batches with num_batches_tracked.add_(1) in training.
        new ScalarDroppingMethod("TorchSharp.Modules.BatchNorm", "forward", null, "in training it runs num_batches_tracked.add_(1) with temporaries; call torch.nn.functional.batch_norm and count the batches with held Scalars"),

        // TorchSharp's optimizers: each step() converts its learning rate, betas, decay... to temporaries.
        Optimizer("Adam"), Optimizer("AdamW"), Optimizer("SGD"), Optimizer("RMSProp"), Optimizer("Adagrad"), Optimizer("Adadelta"),
        Optimizer("Adamax"), Optimizer("ASGD"), Optimizer("NAdam"), Optimizer("RAdam"), Optimizer("Rprop"));

    private static ScalarDroppingMethod Optimizer(string name)
        => new("TorchSharp.torch+optim", name, null, "its step() converts the learning rate and the other settings to temporary Scalars; use Autoencoder.Runtime.Training.Optimizers");
}

/// <summary>One entry of <see cref="ScalarDroppingMethods.All"/>.</summary>
internal sealed class ScalarDroppingMethod
{
    public ScalarDroppingMethod(string containingType, string name, string? parameters, string instead)
    {
        ContainingType = containingType;
        Name = name;
        Parameters = parameters;
        Instead = instead;
    }

    /// <summary>Metadata name of the declaring type, e.g. "TorchSharp.TensorExtensionMethods" or "TorchSharp.torch+Tensor".</summary>
    public string ContainingType { get; }

    /// <summary>The method's name; for an operator its metadata name, e.g. "op_Addition".</summary>
    public string Name { get; }

    /// <summary>The parameter types of the one overload meant, e.g. "TorchSharp.torch.Tensor, double"; null for every overload.</summary>
    public string? Parameters { get; }

    /// <summary>What to write instead; it completes the message after "...during the native call; ".</summary>
    public string Instead { get; }
}
