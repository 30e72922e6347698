using System.Collections.Generic;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>The rule both front-ends share: a model has at most one kind of latent code.</summary>
internal static class LatentCodes
{
    public static LatentSpec? One(VariationalSpec? variational, VectorQuantizedSpec? quantizer, List<DiagnosticInfo> diagnostics, string? modelName = null)
    {
        if (variational is not null && quantizer is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TwoLatentCodes, quantizer.Location ?? variational.Location, modelName ?? "The model"));
            return null;
        }

        return (LatentSpec?)variational ?? quantizer;
    }

    /// <summary>
    /// As above, with a compression code too: compression beside a variational or vector-quantised code is an error at the
    /// compression declaration (AE0050), and no code is kept.
    /// </summary>
    public static LatentSpec? One(VariationalSpec? variational, VectorQuantizedSpec? quantizer, CompressionSpec? compression, List<DiagnosticInfo> diagnostics, string? modelName = null)
    {
        if (compression is null)
        {
            return One(variational, quantizer, diagnostics, modelName);
        }

        if (variational is not null || quantizer is not null)
        {
            var other = variational is not null ? "a variational code" : "a vector quantizer";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CompressionWithAnotherCode, compression.Location, modelName ?? "The model", other));
            return null;
        }

        return compression;
    }
}
