using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Autoencoder.Generators.Diagnostics;

/// <summary>
/// A source location as a plain value. <see cref="Location"/> holds a syntax tree, which must never be
/// cached in a pipeline output; this is rebuilt into a Location only when a diagnostic is reported.
/// The same value points into YAML files, which have no syntax tree.
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(Location location)
    {
        if (location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }
}
