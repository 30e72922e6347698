using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>Reads [Denoising], [Sparse] and [Contractive] on a model class; values are validated by analysis.</summary>
internal static class RegularizationAttributes
{
    public static RegularizationSpec? Read(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
        => RegularizationSpec.Of(
            ReadDenoising(attributes, cancellationToken),
            ReadSparse(attributes, cancellationToken),
            ReadContractive(attributes, cancellationToken));

    private static DenoisingSpec? ReadDenoising(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = AttributeFrontEnd.Find(attributes, AttributeNames.Denoising);
        if (attribute is null)
        {
            return null;
        }

        var args = attribute.ConstructorArguments;
        return new DenoisingSpec(
            args.Length > 0 && args[0].Value is int noise ? (NoiseKind)noise : NoiseKind.Gaussian,
            args.Length > 1 && args[1].Value is double amount ? amount : 0,
            AttributeFrontEnd.LocationOf(attribute, cancellationToken),
            AttributeFrontEnd.NamedOrNull<bool>(attribute, "PredictNoise") ?? false,
            AttributeFrontEnd.NamedOrNull<bool>(attribute, "Clip") ?? true);
    }

    private static SparseSpec? ReadSparse(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = AttributeFrontEnd.Find(attributes, AttributeNames.Sparse);
        return attribute is null
            ? null
            : new SparseSpec(
                // The former names (L1, Target, Weight) still work: the compiler flags them as obsolete.
                AttributeFrontEnd.NamedOrFormer<double>(attribute, "L1Weight", "L1"),
                AttributeFrontEnd.NamedOrFormer<double>(attribute, "SparsityTarget", "Target"),
                AttributeFrontEnd.NamedOrFormer<double>(attribute, "SparsityWeight", "Weight"),
                AttributeFrontEnd.LocationOf(attribute, cancellationToken));
    }

    private static ContractiveSpec? ReadContractive(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = AttributeFrontEnd.Find(attributes, AttributeNames.Contractive);
        if (attribute is null)
        {
            return null;
        }

        var args = attribute.ConstructorArguments;
        return new ContractiveSpec(args.Length > 0 && args[0].Value is double weight ? weight : 0, AttributeFrontEnd.LocationOf(attribute, cancellationToken));
    }
}
