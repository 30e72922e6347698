using Shouldly;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>Compares a YAML model's generated file with its attribute twin's.</summary>
internal static class YamlTwin
{
    /// <summary>
    /// The attribute twin's file with the only two differences a YAML model must have: the class states its
    /// accessibility (no user part does), and Encode/Decode (and a hyperprior's HyperEncode/HyperDecode) are ordinary methods (no partial declaration exists).
    /// The expected differences are written out, so any other difference fails the comparison.
    /// </summary>
    public static string AsIfNotDeclaredByUser(string attributeText, string name, string accessibility = "public")
    {
        attributeText.ShouldContain("partial class " + name);
        return attributeText
            .Replace("partial class " + name, accessibility + " partial class " + name)
            .Replace("public partial global::TorchSharp.torch.Tensor Encode(", "public global::TorchSharp.torch.Tensor Encode(")
            .Replace("public partial global::TorchSharp.torch.Tensor Decode(", "public global::TorchSharp.torch.Tensor Decode(")
            .Replace("public partial global::TorchSharp.torch.Tensor HyperEncode(", "public global::TorchSharp.torch.Tensor HyperEncode(")
            .Replace("public partial global::TorchSharp.torch.Tensor HyperDecode(", "public global::TorchSharp.torch.Tensor HyperDecode(");
    }
}
