namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// A class a declaration makes: its full name and, for YAML, its file (empty for C#). Two declarations of one
/// class would generate the same files, which the compiler rejects for the whole generator; instead the
/// C# declaration, then the YAML file first by path, keeps the name and the others get AE0105.
/// </summary>
internal sealed record ModelClaim(string FullName, string FilePath)
{
    public static ModelClaim? Of(ModelParseResult parsed)
    {
        if (parsed.Spec is not { } spec)
        {
            return null;
        }

        var path = spec.Type.DeclaredByUser ? string.Empty : spec.Location?.FilePath ?? string.Empty;
        return new ModelClaim(spec.Type.FullName, path);
    }

    public static ModelParseResult RejectDuplicate(ModelParseResult parsed, EquatableArray<ModelClaim> claims)
    {
        if (Of(parsed) is not { } mine)
        {
            return parsed;
        }

        foreach (var claim in claims)
        {
            if (claim.FullName == mine.FullName && string.CompareOrdinal(claim.FilePath, mine.FilePath) < 0)
            {
                var where = claim.FilePath.Length == 0 ? "a C# [Autoencoder] class" : "'" + System.IO.Path.GetFileName(claim.FilePath) + "'";
                var diagnostic = DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateModel, parsed.Spec!.Location, mine.FullName, where);
                return new ModelParseResult(null, parsed.Diagnostics.Concat(EquatableArray.Create(diagnostic)));
            }
        }

        return parsed;
    }
}
