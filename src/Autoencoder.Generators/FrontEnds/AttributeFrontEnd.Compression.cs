using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

internal static partial class AttributeFrontEnd
{
    /// <summary><c>[Compression(λ)]</c> on the class; λ is checked by analysis, at the attribute.</summary>
    private static CompressionSpec? ReadCompression(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Compression);
        if (attribute is null)
        {
            return null;
        }

        var location = LocationOf(attribute, cancellationToken);
        return new CompressionSpec(DoubleAt(attribute.ConstructorArguments, 0), location, location);
    }
}
