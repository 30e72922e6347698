using System.Collections.Generic;
using System.Linq;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>
    /// For a model with errors: the user's partial methods that still need a body. Giving them one that throws
    /// keeps the compiler from adding CS8795 ("must have an implementation part") to the real error; the build
    /// fails on our diagnostic anyway, so these bodies never run.
    /// </summary>
    internal sealed record ErrorFallback(TypeSpec Type, EquatableArray<NetworkStub> Networks)
    {
        public static ErrorFallback? From(ModelSpec spec, EquatableArray<DiagnosticInfo> diagnostics)
        {
            // A class that is not partial (or cannot be a module) cannot take another part: add nothing.
            if (diagnostics.Any(d => d.Descriptor.Id == DiagnosticDescriptors.TypeMustBePartial.Id || d.Descriptor.Id == DiagnosticDescriptors.UnsupportedType.Id))
            {
                return null;
            }

            var stubs = new List<NetworkStub>();
            foreach (var network in new[] { spec.Encoder, spec.Decoder })
            {
                if (network is { DeclaredByUser: true } && !HasBadSignature(network, diagnostics))
                {
                    stubs.Add(new NetworkStub(network.MethodName, network.ParameterName, network.Accessibility, network.ReturnsGaussianCode));
                }
            }

            return stubs.Count == 0 ? null : new ErrorFallback(spec.Type, stubs.ToEquatableArray());
        }

        private static bool HasBadSignature(NetworkSpec network, EquatableArray<DiagnosticInfo> diagnostics)
            => diagnostics.Any(d => d.Descriptor.Id == DiagnosticDescriptors.InvalidNetworkSignature.Id && d.MessageArgs.Count > 0 && d.MessageArgs[0] == network.MethodName);
    }

    internal sealed record NetworkStub(string MethodName, string ParameterName, string Accessibility, bool ReturnsGaussianCode = false);
}
