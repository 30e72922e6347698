using System.Collections.Generic;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.FrontEnds
{
    /// <summary>The rule both front-ends share: a model has at most one kind of latent code.</summary>
    internal static class LatentCodes
    {
        public static LatentSpec? One(VariationalSpec? variational, VectorQuantizerSpec? quantizer, List<DiagnosticInfo> diagnostics, string? modelName = null)
        {
            if (variational is not null && quantizer is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TwoLatentCodes, quantizer.Location ?? variational.Location, modelName ?? "The model"));
                return null;
            }

            return (LatentSpec?)variational ?? quantizer;
        }
    }
}
