using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

internal static partial class AttributeFrontEnd
{
    /// <summary><c>[VectorQuantized(codes, dimension, ...)]</c> on the class; unset options stay null.</summary>
    private static VectorQuantizedSpec? ReadVectorQuantized(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.VectorQuantized);
        if (attribute is null)
        {
            return null;
        }

        var location = LocationOf(attribute, cancellationToken);
        return new VectorQuantizedSpec(
            IntAt(attribute.ConstructorArguments, 0),
            IntAt(attribute.ConstructorArguments, 1),
            // The former names (CommitmentCost, Decay, Epsilon) still work: the compiler flags them as obsolete.
            NamedOrFormer<double>(attribute, "CommitmentWeight", "CommitmentCost"),
            NamedOrNull<bool>(attribute, "Ema"),
            NamedOrFormer<double>(attribute, "CodebookDecay", "Decay"),
            NamedOrFormer<double>(attribute, "CodebookEpsilon", "Epsilon"),
            NamedOrNull<double>(attribute, "DeadCodeThreshold"),
            VectorQuantizedLocations.All(location),
            location);
    }
}
