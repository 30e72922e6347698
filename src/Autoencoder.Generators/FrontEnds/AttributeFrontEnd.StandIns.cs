using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>
/// What the stand-ins of a model with errors need from the declaration (the user's members; how Encode and Decode are
/// written), and the types in their signatures that do not resolve, such as <c>GaussianCode</c> without
/// <c>using Autoencoder.Runtime.Generative;</c>. The compiler says CS0246; AE0025 says which using fixes it. Such a type is
/// judged by its name, so the other checks (AE0004, AE0031) speak of the type the user meant, not of an error type.
/// </summary>
internal static partial class AttributeFrontEnd
{
    private const string TensorName = "Tensor";
    private const string GaussianCodeName = "GaussianCode";

    /// <summary>The user's members, for the stand-ins of a model with errors: names, a parameterless constructor, a base class.</summary>
    private static DeclaredMembersSpec ReadDeclaredMembers(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // MemberNames leaves out nested types.
        var names = type.MemberNames.Concat(type.GetTypeMembers().Select(t => t.Name)).Where(n => n is not (".ctor" or ".cctor")).Distinct().ToList();
        if (type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared && c.Parameters.Length == 0))
        {
            names.Add(".ctor");
        }

        names.Sort(System.StringComparer.Ordinal);
        var hasBaseClass = type.BaseType is { SpecialType: not SpecialType.System_Object };
        var hasPrimaryConstructor = type.InstanceConstructors.Any(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax));
        return new DeclaredMembersSpec(names.ToEquatableArray(), hasBaseClass || hasPrimaryConstructor);
    }

    /// <summary>
    /// The declared return type and parameter type of a network that do not resolve, each with its syntax; and whether the
    /// declaration has an accessibility modifier, which an implementation must repeat (without one, the compiler already
    /// reports CS8796, and no implementation can match).
    /// </summary>
    private static (UnresolvedTypeSpec? Return, UnresolvedTypeSpec? Parameter, bool HasAccessibility) ReadDeclaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax)
        {
            return (null, null, true);
        }

        var returns = Unresolved(method.ReturnType, syntax.ReturnType);
        var parameter = method.Parameters.Length == 1 && syntax.ParameterList.Parameters.Count == 1 && syntax.ParameterList.Parameters[0].Type is { } parameterSyntax
            ? Unresolved(method.Parameters[0].Type, parameterSyntax)
            : null;
        var hasAccessibility = syntax.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.PrivateKeyword));
        return (returns, parameter, hasAccessibility);
    }

    private static UnresolvedTypeSpec? Unresolved(ITypeSymbol type, TypeSyntax syntax)
    {
        if (type is not IErrorTypeSymbol error)
        {
            return null;
        }

        var written = syntax.ToString();
        var repeatable = error.CandidateReason == CandidateReason.None && syntax is IdentifierNameSyntax;
        return new UnresolvedTypeSpec(error.Name, written, repeatable, LocationInfo.From(syntax));
    }

    /// <summary>A type the signature check accepts as a Tensor: TorchSharp's, or one that does not resolve but is called Tensor.</summary>
    private static bool IsTensorOrUnresolvedTensor(ITypeSymbol type)
        => IsTensor(type) || type is IErrorTypeSymbol { Name: TensorName };

    /// <summary>As <see cref="IsTensorOrUnresolvedTensor"/>, for GaussianCode.</summary>
    private static bool IsGaussianCodeOrUnresolved(ITypeSymbol type)
        => IsGaussianCode(type) || type is IErrorTypeSymbol { Name: GaussianCodeName };

    /// <summary>A type that does not resolve and whose name is neither Tensor nor GaussianCode: only AE0025 speaks of it.</summary>
    private static bool IsUnknownUnresolved(ITypeSymbol type)
        => type is IErrorTypeSymbol { Name: not (TensorName or GaussianCodeName) };

    /// <summary>
    /// AE0025 for each type of the signature that was not found, once per name and method: "'Encode' of 'Vae' returns
    /// 'GaussianCode', which does not resolve: add 'using Autoencoder.Runtime.Generative;'". A type the compiler found but could
    /// not use (ambiguous, inaccessible) is left to the compiler's own error, and so is a known type in the wrong place (AE0004).
    /// </summary>
    private static void ReportUnresolved(string modelName, string methodName, UnresolvedTypeSpec? returns, UnresolvedTypeSpec? parameter, IMethodSymbol method, List<DiagnosticInfo> diagnostics)
    {
        var reportReturn = returns is not null && NotFound(method.ReturnType) && FitsReturn(methodName, returns.Name);
        var reportParameter = parameter is not null && NotFound(method.Parameters[0].Type) && parameter.Name != GaussianCodeName;
        if (reportReturn && reportParameter && returns!.Written == parameter!.Written)
        {
            diagnostics.Add(Diagnostic(modelName, methodName, "takes and returns", returns, ParameterFix(returns)));
            return;
        }

        if (reportReturn)
        {
            diagnostics.Add(Diagnostic(modelName, methodName, "returns", returns!, ReturnFix(methodName, returns!)));
        }

        if (reportParameter)
        {
            diagnostics.Add(Diagnostic(modelName, methodName, "takes", parameter!, ParameterFix(parameter!)));
        }
    }

    private static bool NotFound(ITypeSymbol type) => type is IErrorTypeSymbol { CandidateReason: CandidateReason.None };

    /// <summary>Encode may return GaussianCode; Decode returns a Tensor, so a GaussianCode there is AE0004's.</summary>
    private static bool FitsReturn(string methodName, string name) => name != GaussianCodeName || methodName == NetworkRoles.EncodeMethod;

    private static DiagnosticInfo Diagnostic(string modelName, string methodName, string verb, UnresolvedTypeSpec type, string fix)
        => DiagnosticInfo.Create(DiagnosticDescriptors.UnresolvedNetworkType, type.Location, methodName, modelName, verb, type.Written, fix);

    private static string ParameterFix(UnresolvedTypeSpec type) => type.Name == TensorName
        ? UsingFix(type, "using static TorchSharp.torch;", "TorchSharp.torch.Tensor")
        : "a network takes and returns TorchSharp's Tensor: declare it as 'Tensor', with 'using static TorchSharp.torch;'";

    private static string ReturnFix(string methodName, UnresolvedTypeSpec type) => type.Name switch
    {
        TensorName => UsingFix(type, "using static TorchSharp.torch;", "TorchSharp.torch.Tensor"),
        GaussianCodeName => UsingFix(type, "using Autoencoder.Runtime.Generative;", "Autoencoder.Runtime.Generative.GaussianCode"),
        _ when methodName == NetworkRoles.EncodeMethod =>
            "declare it as TorchSharp's 'Tensor' (with 'using static TorchSharp.torch;'), or, for a [Variational] model, as 'GaussianCode' (with 'using Autoencoder.Runtime.Generative;')",
        _ => "a network takes and returns TorchSharp's Tensor: declare it as 'Tensor', with 'using static TorchSharp.torch;'",
    };

    /// <summary>The using that makes the simple name resolve; for a qualified name, the full name too.</summary>
    private static string UsingFix(UnresolvedTypeSpec type, string directive, string fullName)
        => type.Written == type.Name
            ? "add '" + directive + "'"
            : "write '" + fullName + "', or add '" + directive + "' and write '" + type.Name + "'";
}
