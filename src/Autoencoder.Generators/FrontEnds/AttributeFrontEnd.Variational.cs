using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>[Variational] and the GaussianCode an Encode of a variational model returns.</summary>
internal static partial class AttributeFrontEnd
{
    private static VariationalSpec? ReadVariational(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Variational);
        return attribute is null
            ? null
            : new VariationalSpec(
                IntAt(attribute.ConstructorArguments, 0),
                NamedOrFormer<double>(attribute, "KlWeight", "Beta") ?? Defaults.KlWeight,
                (Likelihood)Named(attribute, "Likelihood", 0),
                Named(attribute, "BinarizeInputs", false),
                LocationOf(attribute, cancellationToken));
    }

    /// <summary>Autoencoder.Runtime.Generative.GaussianCode, matched by name so the generator needs no runtime reference.</summary>
    private static bool IsGaussianCode(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "GaussianCode", ContainingType: null, ContainingNamespace: { Name: "Generative" } generative }
           && generative.ContainingNamespace is { Name: "Runtime", ContainingNamespace: { Name: "Autoencoder", ContainingNamespace.IsGlobalNamespace: true } };
}
