using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Autoencoder.Analyzers;

/// <summary>
/// Finds <c>TorchSharp.Scalar</c> objects that nothing holds while native code uses them.
/// </summary>
/// <remarks>
/// A Scalar wraps a native handle and frees it in its finalizer. TorchSharp passes only the handle to native code, so
/// a Scalar that the caller does not keep in a variable (a number converted on the way into <c>t.mul_(0.5)</c>, the
/// result of <c>2.0.ToScalar()</c> passed straight on) is unreachable during the call: a garbage collection on any
/// thread may finalize it and free the native scalar under the call, which then fails in Scalar.h or crashes. The
/// safe form is a Scalar the caller holds until the call returns: <c>using var half = 0.5.ToScalar(); t.mul_(half);</c>,
/// or a field. Temporaries that TorchSharp creates inside its own methods are out of the caller's reach: AES003 flags
/// the methods listed in <see cref="ScalarDroppingMethods"/>.
/// <para>
/// The MSBuild property AutoencoderScalarCheck (build_property.AutoencoderScalarCheck) sets what is checked: "all"
/// (the default when empty: every file), "generated" (only the files the Autoencoder generator adds) or "off".
/// </para>
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ScalarLifetimeAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The analyzer config key of the MSBuild property AutoencoderScalarCheck.</summary>
    public const string ScopeOption = "build_property.AutoencoderScalarCheck";

    /// <summary>Part of the path of every file the Autoencoder generator adds to a compilation (its type's full name).</summary>
    public const string GeneratedFileMarker = "Autoencoder.Generators.AutoencoderGenerator";

    private const string Category = "Autoencoder.ScalarLifetime";

    // Each id's heading in the repository's docs: RepositoryUrl (Directory.Build.props) + /blob/main/docs/;
    // HelpLinkTests checks the address and that the heading exists.
    private const string HelpLink = "https://github.com/autoencoder-dsl/Autoencoder.Dsl/blob/main/docs/scalar-lifetimes.md#";

    /// <summary>AES001: a number (or other value) converted to a Scalar that nothing holds.</summary>
    public static readonly DiagnosticDescriptor TemporaryScalar = new(
        "AES001",
        "Number becomes a temporary TorchSharp.Scalar",
        "'{0}' becomes a temporary TorchSharp.Scalar that a garbage collection can free during the native call; create it with ToScalar() in a using declaration (or a field) and pass that",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A conversion to TorchSharp.Scalar (implicit, explicit, or inside a Tensor operator that takes a number) creates a Scalar that is unreachable while native code uses its handle; a finalizer may free it mid-call.",
        helpLinkUri: HelpLink + "aes001");

    /// <summary>AES002: the result of ToScalar() used without being held.</summary>
    public static readonly DiagnosticDescriptor UnheldScalar = new(
        "AES002",
        "ToScalar() result is not held",
        "The TorchSharp.Scalar from '{0}' is not held, so a garbage collection can free it during the native call that uses it; declare it with 'using var' (or store it in a field) and pass the variable",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A Scalar from ToScalar() must be the initializer of a using local or be stored in a field or property, so that it stays reachable while native code uses it.",
        helpLinkUri: HelpLink + "aes002");

    /// <summary>AES003: a TorchSharp method listed in <see cref="ScalarDroppingMethods"/>.</summary>
    public static readonly DiagnosticDescriptor ScalarDroppingCall = new(
        "AES003",
        "TorchSharp method creates and drops a Scalar internally",
        "'{0}' creates a TorchSharp.Scalar internally that a garbage collection can free during the native call; {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Some TorchSharp methods create a temporary Scalar themselves; no caller-side care makes them safe, so use the listed alternative.",
        helpLinkUri: HelpLink + "aes003");

    // How ScalarDroppingMethod.Parameters spells a type: "TorchSharp.torch.Tensor", "double", no nullable marks.
    private static readonly SymbolDisplayFormat ParameterFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    private enum Scope
    {
        All,
        Generated,
        Off,
    }

    private readonly ImmutableArray<ScalarDroppingMethod> _droppingMethods;

    /// <summary>The analyzer with the methods of <see cref="ScalarDroppingMethods.All"/> as AES003's list.</summary>
    public ScalarLifetimeAnalyzer()
        : this(ScalarDroppingMethods.All)
    {
    }

    /// <summary>The analyzer with another list for AES003 (tests of the list's matching).</summary>
    internal ScalarLifetimeAnalyzer(ImmutableArray<ScalarDroppingMethod> droppingMethods) => _droppingMethods = droppingMethods;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(TemporaryScalar, UnheldScalar, ScalarDroppingCall);

    public override void Initialize(AnalysisContext context)
    {
        // The generator's output is marked <auto-generated/>; it is what most needs checking.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    private void Start(CompilationStartAnalysisContext context)
    {
        var scope = ReadScope(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        var scalar = context.Compilation.GetTypeByMetadataName("TorchSharp.Scalar");
        if (scope == Scope.Off || scalar is null)
        {
            return;
        }

        var checker = new Checker(
            scalar,
            context.Compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor"),
            ResolveDroppingMethods(context.Compilation, _droppingMethods),
            scope == Scope.Generated);
        context.RegisterOperationAction(checker.AnalyzeConversion, OperationKind.Conversion);
        context.RegisterOperationAction(checker.AnalyzeOperator, OperationKind.Binary, OperationKind.CompoundAssignment);
        context.RegisterOperationAction(checker.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(checker.AnalyzeMethodReference, OperationKind.MethodReference);
    }

    private static Scope ReadScope(AnalyzerConfigOptions options)
    {
        options.TryGetValue(ScopeOption, out var value);
        switch (value?.Trim().ToLowerInvariant())
        {
            case "off":
                return Scope.Off;
            case "generated":
                return Scope.Generated;
            default:
                // Empty, "all", or a value this analyzer does not know: check everything rather than nothing.
                return Scope.All;
        }
    }

    private static Dictionary<INamedTypeSymbol, ScalarDroppingMethod[]> ResolveDroppingMethods(Compilation compilation, ImmutableArray<ScalarDroppingMethod> methods)
    {
        var byType = new Dictionary<INamedTypeSymbol, ScalarDroppingMethod[]>(SymbolEqualityComparer.Default);
        foreach (var group in methods.GroupBy(m => m.ContainingType, StringComparer.Ordinal))
        {
            var type = compilation.GetTypeByMetadataName(group.Key);
            if (type is not null)
            {
                byType[type] = group.ToArray();
            }
        }

        return byType;
    }

    /// <summary>The checks, over the symbols of one compilation.</summary>
    private sealed class Checker
    {
        private readonly INamedTypeSymbol _scalar;
        private readonly INamedTypeSymbol? _tensor;
        private readonly Dictionary<INamedTypeSymbol, ScalarDroppingMethod[]> _droppingMethods;
        private readonly bool _generatedOnly;

        public Checker(INamedTypeSymbol scalar, INamedTypeSymbol? tensor, Dictionary<INamedTypeSymbol, ScalarDroppingMethod[]> droppingMethods, bool generatedOnly)
        {
            _scalar = scalar;
            _tensor = tensor;
            _droppingMethods = droppingMethods;
            _generatedOnly = generatedOnly;
        }

        /// <summary>
        /// AES001: <c>t.mul_(0.5)</c>, <c>(Scalar)0.5</c>, <c>Scalar s = 2;</c>. AES003 for a conversion operator in the
        /// table, such as <c>(double)t</c>.
        /// </summary>
        public void AnalyzeConversion(OperationAnalysisContext context)
        {
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.OperatorMethod is not { } method || !InScope(conversion))
            {
                return;
            }

            if (IsScalar(method.ReturnType) && !IsScalar(conversion.Operand.Type))
            {
                Report(context, TemporaryScalar, conversion.Operand.Syntax);
            }

            ReportIfDropping(context, method, conversion.Syntax);
        }

        /// <summary>
        /// AES001 for <c>t * 2.0</c>, <c>1 - t</c>, <c>t += 1</c>: Tensor's operators that take a number convert it to a
        /// Scalar inside (<c>left.mul(right)</c>), out of the caller's reach. AES003 for an operator in the table.
        /// </summary>
        public void AnalyzeOperator(OperationAnalysisContext context)
        {
            IMethodSymbol? method;
            IOperation[] operands;
            switch (context.Operation)
            {
                case IBinaryOperation binary:
                    method = binary.OperatorMethod;
                    operands = new[] { binary.LeftOperand, binary.RightOperand };
                    break;
                case ICompoundAssignmentOperation compound:
                    method = compound.OperatorMethod;
                    operands = new[] { compound.Target, compound.Value };
                    break;
                default:
                    return;
            }

            if (method is null || method.Parameters.Length != operands.Length || !InScope(context.Operation))
            {
                return;
            }

            if (_tensor is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, _tensor))
            {
                for (var i = 0; i < operands.Length; i++)
                {
                    if (IsNumber(method.Parameters[i].Type))
                    {
                        Report(context, TemporaryScalar, operands[i].Syntax);
                    }
                }
            }

            ReportIfDropping(context, method, context.Operation.Syntax);
        }

        /// <summary>AES002 for <c>t.mul(2.0.ToScalar())</c>; AES003 for the methods of <see cref="ScalarDroppingMethods"/>.</summary>
        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!InScope(invocation))
            {
                return;
            }

            var method = invocation.TargetMethod;
            if (IsToScalar(method) && !IsHeld(invocation))
            {
                Report(context, UnheldScalar, invocation.Syntax);
            }

            ReportIfDropping(context, method, invocation.Syntax);
        }

        /// <summary>The same two rules for a method group: <c>values.Select(TensorExtensionMethods.ToDouble)</c>.</summary>
        public void AnalyzeMethodReference(OperationAnalysisContext context)
        {
            var reference = (IMethodReferenceOperation)context.Operation;
            if (!InScope(reference))
            {
                return;
            }

            if (IsToScalar(reference.Method))
            {
                Report(context, UnheldScalar, reference.Syntax);
            }

            ReportIfDropping(context, reference.Method, reference.Syntax);
        }

        private void ReportIfDropping(OperationAnalysisContext context, IMethodSymbol method, SyntaxNode syntax)
        {
            var definition = method.ReducedFrom ?? method;
            if (!_droppingMethods.TryGetValue(definition.ContainingType.OriginalDefinition, out var candidates))
            {
                return;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.Name == definition.Name
                    && (candidate.Parameters is null || candidate.Parameters == string.Join(", ", definition.OriginalDefinition.Parameters.Select(p => p.Type.ToDisplayString(ParameterFormat)))))
                {
                    context.ReportDiagnostic(Diagnostic.Create(ScalarDroppingCall, syntax.GetLocation(), Describe(definition), candidate.Instead));
                    return;
                }
            }
        }

        /// <summary>"TensorExtensionMethods.ToDouble", "Tensor.operator +", "Tensor.explicit operator double".</summary>
        private static string Describe(IMethodSymbol method)
        {
            var name = method.MethodKind switch
            {
                MethodKind.UserDefinedOperator => "operator " + SyntaxFacts.GetText(SyntaxFacts.GetOperatorKind(method.Name)),
                MethodKind.Conversion => (method.Name == WellKnownMemberNames.ExplicitConversionName ? "explicit" : "implicit")
                    + " operator " + method.ReturnType.ToDisplayString(ParameterFormat),
                _ => method.Name,
            };
            return method.ContainingType.Name + "." + name;
        }

        private bool IsToScalar(IMethodSymbol method) => method.Name == "ToScalar" && IsScalar(method.ReturnType);

        private bool IsScalar(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _scalar);

        private bool InScope(IOperation operation)
            => !_generatedOnly || operation.Syntax.SyntaxTree.FilePath.IndexOf(GeneratedFileMarker, StringComparison.Ordinal) >= 0;

        private static void Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, SyntaxNode syntax)
            => context.ReportDiagnostic(Diagnostic.Create(descriptor, syntax.GetLocation(), syntax.ToString()));

        /// <summary>
        /// Whether the Scalar <paramref name="value"/> produces is kept reachable: it initializes a local of a using
        /// declaration or statement, or is stored in a field or property.
        /// </summary>
        private static bool IsHeld(IOperation value)
        {
            var parent = value.Parent;
            while (parent is IParenthesizedOperation
                || parent is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion && (conversion.Conversion.IsIdentity || conversion.Conversion.IsReference))
            {
                value = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }:
                    return group.Parent is IUsingDeclarationOperation || group.Parent is IUsingOperation;
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                    return true;
                case IAssignmentOperation assignment when assignment.Value == value:
                    return assignment is ISimpleAssignmentOperation or ICoalesceAssignmentOperation
                        && assignment.Target is IFieldReferenceOperation or IPropertyReferenceOperation;
                default:
                    return false;
            }
        }

        private static bool IsNumber(ITypeSymbol type)
        {
            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_SByte:
                case SpecialType.System_Byte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    return true;
                default:
                    return false;
            }
        }
    }
}
