using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

internal static partial class AttributeFrontEnd
{
    /// <summary>
    /// <c>[Compression(λ, Prior = ...)]</c> on the class, with the hyper-transforms' methods when the class declares them; λ,
    /// the prior and whether the networks fit it are checked by analysis.
    /// </summary>
    private static CompressionSpec? ReadCompression(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Compression);
        if (attribute is null)
        {
            return null;
        }

        var location = LocationOf(attribute, cancellationToken);
        return new CompressionSpec(DoubleAt(attribute.ConstructorArguments, 0), location, location)
        {
            Prior = (EntropyPrior)Named(attribute, "Prior", 0),
            PriorLocation = location,
            HyperEncoder = ReadNetwork(type, NetworkRoles.HyperEncodeMethod, diagnostics, cancellationToken),
            HyperDecoder = ReadNetwork(type, NetworkRoles.HyperDecodeMethod, diagnostics, cancellationToken),
        };
    }
}
