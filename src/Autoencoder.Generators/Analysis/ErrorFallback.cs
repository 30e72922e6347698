using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// For a model with errors: the public surface its valid version would have (the constants, the module's base class and
/// constructor, Encode and Decode, forward and the family's methods, TrainingOptions and the Trainer), with bodies that throw,
/// so that user code using them compiles and the AE errors are the only ones. The build fails on those errors, so the
/// bodies never run. Nothing here depends on shapes: the family and its options come from the declaration as written.
/// </summary>
/// <param name="Errors">The ids of the model's errors, e.g. <c>AE0008</c>, for the message of every throwing body.</param>
/// <param name="Networks">Encode and Decode: implementations of the user's partial methods, or whole methods when the user declares none.</param>
/// <param name="Declared">The user's own members, which the stand-ins leave alone.</param>
internal sealed record ErrorFallback(
    TypeSpec Type,
    string Errors,
    FallbackFamily Family,
    FallbackOptions Options,
    EquatableArray<NetworkStub> Networks,
    DeclaredMembersSpec Declared)
{
    public static ErrorFallback? From(ModelSpec spec, EquatableArray<DiagnosticInfo> diagnostics)
    {
        // A class that is not partial (or cannot be a module) cannot take another part: add nothing. Nor can a class whose
        // name, or whose namespace's or containing type's, is not an identifier (a syntax error the compiler reports).
        if (diagnostics.Any(d => d.Descriptor.Id == DiagnosticDescriptors.TypeMustBePartial.Id || d.Descriptor.Id == DiagnosticDescriptors.UnsupportedType.Id)
            || !Names(spec.Type).All(IsIdentifier))
        {
            return null;
        }

        var family = spec.Latent switch
        {
            VariationalSpec => FallbackFamily.Variational,
            VectorQuantizedSpec => FallbackFamily.VectorQuantized,
            CompressionSpec => FallbackFamily.Compression,
            _ => FallbackFamily.Plain,
        };

        var regularization = spec.Regularization;
        var free = spec.Input?.Dimensions.Any(d => d == Any.Height || d == Any.Width) == true;
        var options = new FallbackOptions(
            Denoising: regularization?.Denoising is not null,
            Contractive: family == FallbackFamily.Plain && regularization?.Contractive is not null,
            Objective: family != FallbackFamily.Plain || regularization?.Sparse is not null || regularization?.Contractive is not null,
            Ema: spec.Latent is VectorQuantizedSpec { Ema: true },
            Sgd: spec.Optimizer.Kind == OptimizerKind.Sgd)
        {
            L1Weight = regularization?.Sparse?.L1Weight is not null,
            SparsityTarget = regularization?.Sparse?.SparsityTarget is not null,
            ContractiveWeight = regularization?.Contractive is not null,
            Hyperprior = spec.Latent is CompressionSpec { Prior: EntropyPrior.ScaleHyperprior or EntropyPrior.MeanScaleHyperprior },
            Free = free,
            ImageFolders = free || spec.TrainingData is not null,
        };

        var stubs = new List<NetworkStub>();
        foreach (var (network, method) in new[] { (spec.Encoder, NetworkRoles.EncodeMethod), (spec.Decoder, NetworkRoles.DecodeMethod) })
        {
            if (Stub(spec, network, method, family, diagnostics) is { } stub)
            {
                stubs.Add(stub);
            }
        }

        // A hyperprior's transforms are stood in for only when declared: a model without them has no such methods to satisfy.
        if (spec.Latent is CompressionSpec compression)
        {
            foreach (var (network, method) in new[] { (compression.HyperEncoder, NetworkRoles.HyperEncodeMethod), (compression.HyperDecoder, NetworkRoles.HyperDecodeMethod) })
            {
                if (network is not null && Stub(spec, network, method, family, diagnostics) is { } stub)
                {
                    stubs.Add(stub);
                }
            }
        }

        var errors = diagnostics.Where(d => d.IsError).Select(d => d.Descriptor.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal);
        return new ErrorFallback(spec.Type, string.Join(", ", errors), family, options, stubs.ToEquatableArray(), spec.DeclaredMembers);
    }

    /// <summary>
    /// The stand-in for a network: the implementation of the user's partial method when its signature can be matched, a whole
    /// method when nobody declares one (YAML, or a missing Encode), and nothing when the user's method cannot take a body.
    /// </summary>
    private static NetworkStub? Stub(ModelSpec spec, NetworkSpec? network, string method, FallbackFamily family, EquatableArray<DiagnosticInfo> diagnostics)
    {
        var isEncoder = method == NetworkRoles.EncodeMethod;
        if (network is null)
        {
            // Not declared at all (AE0003): a whole method, unless the user has some other member of that name.
            return spec.DeclaredMembers.Contains(method)
                ? null
                : new NetworkStub(method, NetworkRoles.DefaultParameterName(method), "public", Partial: false, isEncoder && family == FallbackFamily.Variational);
        }

        if (!network.DeclaredByUser)
        {
            // YAML: the generator declares the class and its methods; Encode of a variational model returns the posterior.
            return new NetworkStub(network.MethodName, network.ParameterName, network.Accessibility, Partial: false, isEncoder && family == FallbackFamily.Variational);
        }

        // A declaration no implementation can match: a wrong signature (AE0004), a type that does not resolve and cannot be
        // repeated, no accessibility modifier (CS8796), a parameter without a name (a syntax error). A parameter called
        // 'class' is written '@class'.
        if (HasBadSignature(network, diagnostics)
            || network.UnresolvedReturnType is { Repeatable: false }
            || network.UnresolvedParameterType is { Repeatable: false }
            || !network.HasAccessibilityModifier
            || !SyntaxFacts.IsValidIdentifier(network.ParameterName))
        {
            return null;
        }

        return new NetworkStub(network.MethodName, network.ParameterName, network.Accessibility, Partial: true, network.ReturnsGaussianCode)
        {
            UnresolvedReturnType = network.UnresolvedReturnType,
            UnresolvedParameterType = network.UnresolvedParameterType,
        };
    }

    private static IEnumerable<string> Names(TypeSpec type)
        => (type.Namespace?.Split('.') ?? Enumerable.Empty<string>()).Concat(type.ContainingTypes.Select(c => c.Name)).Concat(new[] { type.Name });

    /// <summary>
    /// A name that can be written as it is: an identifier that is not a keyword, or a keyword with its '@' (a namespace
    /// <c>@public</c>). A symbol's own name has no '@', so a class called <c>@class</c> (or <c>using</c> followed by a
    /// zero-width character) gets no stand-ins.
    /// </summary>
    private static bool IsIdentifier(string name)
        => name.StartsWith("@", System.StringComparison.Ordinal)
            ? SyntaxFacts.IsValidIdentifier(name.Substring(1))
            : SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    private static bool HasBadSignature(NetworkSpec network, EquatableArray<DiagnosticInfo> diagnostics)
        => diagnostics.Any(d => d.Descriptor.Id == DiagnosticDescriptors.InvalidNetworkSignature.Id && d.MessageArgs.Count > 0 && d.MessageArgs[0] == network.MethodName);
}

/// <summary>Which generated surface a model declares: its family decides the methods, as in the valid model.</summary>
internal enum FallbackFamily
{
    Plain,
    Variational,
    VectorQuantized,
    Compression,
}

/// <summary>What, besides the family, adds or changes public members.</summary>
/// <param name="Denoising">Corrupt and Denoise.</param>
/// <param name="Contractive">JacobianNormSquared (a model without a latent code only).</param>
/// <param name="Objective">TrainingObjective: every latent family, and a plain model with a penalty.</param>
/// <param name="Ema">CodebookDecay and CodebookEpsilon of a VQ model with a moving-average codebook.</param>
/// <param name="Sgd">TrainingOptions has Momentum and Nesterov instead of Beta1 and Beta2.</param>
internal sealed record FallbackOptions(bool Denoising, bool Contractive, bool Objective, bool Ema, bool Sgd)
{
    /// <summary>The constants of the declared penalties (see RegularizationEmitter.WriteConstants).</summary>
    public bool L1Weight { get; init; }

    public bool SparsityTarget { get; init; }

    public bool ContractiveWeight { get; init; }

    /// <summary>A hyperprior codec: Latent, HyperDecoderInDoubles, and CreateCodec returning a HyperpriorCodec.</summary>
    public bool Hyperprior { get; init; }

    /// <summary>A free height or width: SizeMultiple, the minimum sizes, Geometry, ReconstructTiled and PatchSize, and no PixelsPerImage.</summary>
    public bool Free { get; init; }

    /// <summary>The trainer reads image folders (a free size, or [TrainingData]): ImageFolder, Fit(folder) and the patch options.</summary>
    public bool ImageFolders { get; init; }
}

/// <param name="Partial">True for the implementation of the user's partial method; false for a whole method.</param>
internal sealed record NetworkStub(string MethodName, string ParameterName, string Accessibility, bool Partial, bool ReturnsGaussianCode)
{
    /// <summary>Written as the user wrote it, so the implementation matches a declaration whose type does not resolve.</summary>
    public UnresolvedTypeSpec? UnresolvedReturnType { get; init; }

    /// <summary>As <see cref="UnresolvedReturnType"/>, for the parameter.</summary>
    public UnresolvedTypeSpec? UnresolvedParameterType { get; init; }
}
