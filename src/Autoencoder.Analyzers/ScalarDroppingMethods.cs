using System.Collections.Immutable;

namespace Autoencoder.Analyzers
{
    /// <summary>
    /// The TorchSharp methods that create a <c>TorchSharp.Scalar</c> inside and drop it while native code may still be
    /// using it, so calling them is unsafe however carefully the caller holds its own Scalars (AES003). Checked against
    /// the TorchSharp 0.107 sources.
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
            new ScalarDroppingMethod("TorchSharp.torch+Tensor", "op_Explicit", null, ReadWithItem));
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
}
