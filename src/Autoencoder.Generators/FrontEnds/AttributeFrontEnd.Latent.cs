using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Autoencoder.Generators.FrontEnds;

internal static partial class AttributeFrontEnd
{
    /// <summary>The model's one kind of code; declaring two is an error (at the vector quantizer, or at the compression), and none is kept.</summary>
    private static LatentSpec? ReadLatent(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        => LatentCodes.One(ReadVariational(attributes, cancellationToken), ReadVectorQuantized(attributes, cancellationToken), ReadCompression(type, attributes, diagnostics, cancellationToken), diagnostics, type.Name);
}
