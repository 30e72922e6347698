using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>
/// Reads a class marked [Autoencoder] and its attributes into a <see cref="ModelSpec"/>. It checks only
/// what is specific to C# (partial, nesting, method signatures); everything about the model itself is
/// validated later on the spec, the same way for every front-end.
/// </summary>
internal static partial class AttributeFrontEnd
{
    public static ModelParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.TargetNode is not ClassDeclarationSyntax declaration)
        {
            return new ModelParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // [Autoencoder] on several parts of one partial class (the compiler reports CS0579) would describe
        // one model twice and add its files twice; only the first part speaks for the model.
        if (!IsFirstMarkedPart(type, declaration, cancellationToken))
        {
            return new ModelParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var typeLocation = LocationInfo.From(declaration.Identifier.GetLocation());
        CheckDeclaration(type, declaration, typeLocation, diagnostics);

        var attributes = type.GetAttributes();
        var spec = new ModelSpec(
            ReadType(type),
            ReadInput(attributes, cancellationToken),
            ReadNetwork(type, NetworkRoles.EncodeMethod, diagnostics, cancellationToken),
            ReadNetwork(type, NetworkRoles.DecodeMethod, diagnostics, cancellationToken),
            ReadLoss(attributes, cancellationToken),
            ReadOptimizer(attributes, cancellationToken),
            ReadTraining(attributes, cancellationToken),
            ReadInit(context.Attributes.FirstOrDefault(), cancellationToken),
            typeLocation,
            Latent: ReadLatent(type, attributes, diagnostics, cancellationToken),
            Regularization: RegularizationAttributes.Read(attributes, cancellationToken))
        {
            DeclaredMembers = ReadDeclaredMembers(type, cancellationToken),
            TrainingData = ReadTrainingData(attributes, cancellationToken),
        };

        return new ModelParseResult(spec, diagnostics.ToEquatableArray());
    }

    private static bool IsFirstMarkedPart(INamedTypeSymbol type, ClassDeclarationSyntax declaration, CancellationToken cancellationToken)
    {
        var first = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Autoencoder && a.ApplicationSyntaxReference is not null)
            .Select(a => a.ApplicationSyntaxReference!)
            .OrderBy(r => r.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(r => r.Span.Start)
            .FirstOrDefault();
        return first is null || first.GetSyntax(cancellationToken).Ancestors().Contains(declaration);
    }

    private static void CheckDeclaration(INamedTypeSymbol type, ClassDeclarationSyntax declaration, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMustBePartial, location, type.Name));
        }

        if (type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location, type.Name, "a static class cannot be a module"));
        }

        if (type.IsGenericType)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location, type.Name, "generic autoencoder classes are not supported"));
        }

        for (var parent = declaration.Parent as TypeDeclarationSyntax; parent is not null; parent = parent.Parent as TypeDeclarationSyntax)
        {
            if (!parent.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeMustBePartial, LocationInfo.From(parent.Identifier.GetLocation()), parent.Identifier.ValueText));
            }

            if (parent.TypeParameterList is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedType, location, type.Name, "it is nested in a generic type"));
            }
        }
    }

    private static TypeSpec ReadType(INamedTypeSymbol type)
    {
        var containing = new List<ContainingTypeSpec>();
        for (var parent = type.ContainingType; parent is not null; parent = parent.ContainingType)
        {
            var keyword = parent.IsRecord
                ? (parent.TypeKind == TypeKind.Struct ? "record struct" : "record")
                : (parent.TypeKind == TypeKind.Struct ? "struct" : parent.TypeKind == TypeKind.Interface ? "interface" : "class");
            containing.Insert(0, new ContainingTypeSpec(keyword, parent.Name));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeSpec(ns, type.Name, Accessibility(type.DeclaredAccessibility), containing.ToEquatableArray());
    }

    private static NetworkSpec? ReadNetwork(INamedTypeSymbol type, string methodName, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var methods = type.GetMembers(methodName).OfType<IMethodSymbol>().ToList();
        if (methods.Count == 0)
        {
            return null;
        }

        var method = methods[0];
        var location = LocationInfo.From(method.Locations.FirstOrDefault() ?? Location.None);
        var parameterName = method.Parameters.Length == 1 ? method.Parameters[0].Name : NetworkRoles.DefaultParameterName(methodName);
        var problem = methods.Count > 1
            ? "it is declared " + methods.Count + " times; the network has one method, declared once"
            : SignatureProblem(method);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNetworkSignature, location, methodName, parameterName, problem));
        }

        var (unresolvedReturn, unresolvedParameter, hasAccessibility) = ReadDeclaration(method, cancellationToken);
        if (methods.Count == 1)
        {
            ReportUnresolved(type.Name, methodName, unresolvedReturn, unresolvedParameter, method, diagnostics);
        }

        var layers = new List<LayerSpec>();
        foreach (var attribute in method.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var layer = ReadLayer(attribute, cancellationToken);
            if (layer is not null)
            {
                layers.Add(layer);
            }
        }

        var grouped = ResidualMarkers.Group(layers, methodName, diagnostics);
        return new NetworkSpec(methodName, parameterName, Accessibility(method.DeclaredAccessibility), DeclaredByUser: true, grouped, location)
        {
            ReturnsGaussianCode = IsGaussianCodeOrUnresolved(method.ReturnType),
            UnresolvedReturnType = unresolvedReturn,
            UnresolvedParameterType = unresolvedParameter,
            HasAccessibilityModifier = hasAccessibility,
        };
    }

    private static string? SignatureProblem(IMethodSymbol method)
    {
        if (method.IsStatic)
        {
            return "it is static, but it runs the model's layers";
        }

        if (!method.IsPartialDefinition)
        {
            return "it must be a partial method without a body, so the generator can implement it";
        }

        if (method.PartialImplementationPart is not null)
        {
            return "it already has a body; remove it, the generator writes the implementation";
        }

        if (method.IsGenericMethod)
        {
            return "it must not be generic";
        }

        // A type that does not resolve is judged by its name: AE0025 asks for its using, and this check speaks of the type meant.
        var parameterType = method.Parameters.Length == 1 ? method.Parameters[0].Type : null;
        if (parameterType is null || !(IsTensorOrUnresolvedTensor(parameterType) || IsUnknownUnresolved(parameterType)) || method.Parameters[0].RefKind != RefKind.None)
        {
            return "it must take exactly one TorchSharp Tensor";
        }

        // Encode may return GaussianCode; whether that fits the model ([Variational] or not) is checked by analysis.
        var returnsCode = method.Name == NetworkRoles.EncodeMethod && IsGaussianCodeOrUnresolved(method.ReturnType);
        if (!(IsTensorOrUnresolvedTensor(method.ReturnType) || returnsCode || IsUnknownUnresolved(method.ReturnType)) || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return "it must return a TorchSharp Tensor";
        }

        return null;
    }

    private static bool IsTensor(ITypeSymbol type)
        => type is INamedTypeSymbol { Name: "Tensor", ContainingType: { Name: "torch", ContainingType: null } torch }
           && torch.ContainingNamespace is { Name: "TorchSharp", ContainingNamespace.IsGlobalNamespace: true };

    private static LayerSpec? ReadLayer(AttributeData attribute, CancellationToken cancellationToken)
    {
        var attributeClass = attribute.AttributeClass;
        if (attributeClass is null || !DerivesFromLayer(attributeClass))
        {
            return null;
        }

        var location = LocationOf(attribute, cancellationToken);
        if (attribute.AttributeConstructor is null)
        {
            // The compiler already reports why the attribute does not bind; say nothing twice.
            return null;
        }

        var kind = IsOurs(attributeClass) ? LayerKinds.ForAttribute(attributeClass.Name) : null;
        return kind is null
            ? new UnknownLayerSpec(attributeClass.ToDisplayString(), location)
            : kind.Read(new AttributeLayerArguments(attribute, location));
    }

    private static InputSpec? ReadInput(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Input);
        return attribute is null
            ? null
            : new InputSpec(IntsAt(attribute.ConstructorArguments, 0), LocationOf(attribute, cancellationToken), NamedOrNull<int>(attribute, "MinimumSize"));
    }

    private static LossSpec ReadLoss(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Loss);
        return attribute is null
            ? new LossSpec(ReconstructionLoss.MeanSquaredError, null)
            : new LossSpec((ReconstructionLoss)IntAt(attribute.ConstructorArguments, 0), LocationOf(attribute, cancellationToken));
    }

    private static OptimizerSpec ReadOptimizer(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Optimizer);
        if (attribute is null)
        {
            return new OptimizerSpec(OptimizerKind.Adam, null, null, null, null, null, null, null);
        }

        return new OptimizerSpec(
            (OptimizerKind)IntAt(attribute.ConstructorArguments, 0),
            NamedOrNull<double>(attribute, "LearningRate"),
            NamedOrNull<double>(attribute, "WeightDecay"),
            NamedOrNull<double>(attribute, "Momentum"),
            NamedOrNull<bool>(attribute, "Nesterov"),
            NamedOrNull<double>(attribute, "Beta1"),
            NamedOrNull<double>(attribute, "Beta2"),
            LocationOf(attribute, cancellationToken));
    }

    private static TrainingDataSpec? ReadTrainingData(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.TrainingData);
        return attribute is null
            ? null
            : new TrainingDataSpec(
                NamedOrNull<int>(attribute, "PatchSize"),
                NamedOrNull<bool>(attribute, "FlipHorizontal"),
                NamedOrNull<bool>(attribute, "FlipVertical"),
                NamedOrNull<double>(attribute, "MinimumScale"),
                NamedOrNull<int>(attribute, "PatchesPerImage"),
                LocationOf(attribute, cancellationToken));
    }

    private static TrainingSpec ReadTraining(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.Training);
        var earlyStopping = ReadEarlyStopping(attributes, cancellationToken);
        var schedule = ReadSchedule(attributes, cancellationToken);
        if (attribute is null)
        {
            return TrainingSpec.Unset with { EarlyStopping = earlyStopping, Schedule = schedule };
        }

        return new TrainingSpec(
            NamedOrNull<int>(attribute, "Epochs"),
            NamedOrNull<int>(attribute, "BatchSize"),
            NamedOrNull<long>(attribute, "Seed"),
            NamedOrNull<double>(attribute, "GradientClipNorm"),
            earlyStopping,
            schedule,
            LocationOf(attribute, cancellationToken));
    }

    private static EarlyStoppingSpec? ReadEarlyStopping(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.EarlyStopping);
        return attribute is null
            ? null
            : new EarlyStoppingSpec(
                IntAt(attribute.ConstructorArguments, 0),
                NamedOrNull<double>(attribute, "MinDelta"),
                NamedOrNull<bool>(attribute, "RestoreBestWeights"),
                LocationOf(attribute, cancellationToken));
    }

    private static ScheduleSpec? ReadSchedule(ImmutableArray<AttributeData> attributes, CancellationToken cancellationToken)
    {
        var attribute = Find(attributes, AttributeNames.LearningRateSchedule);
        return attribute is null
            ? null
            : new ScheduleSpec(
                (ScheduleKind)IntAt(attribute.ConstructorArguments, 0),
                NamedOrNull<int>(attribute, "StepSize"),
                NamedOrNull<double>(attribute, "Gamma"),
                NamedOrNull<double>(attribute, "MinLearningRate"),
                NamedOrNull<double>(attribute, "MaxLearningRate"),
                NamedOrNull<double>(attribute, "WarmupFraction"),
                NamedOrNull<double>(attribute, "DivFactor"),
                NamedOrNull<double>(attribute, "FinalDivFactor"),
                NamedOrNull<double>(attribute, "Factor"),
                NamedOrNull<int>(attribute, "Patience"),
                NamedOrNull<double>(attribute, "Threshold"),
                LocationOf(attribute, cancellationToken));
    }

    private static InitSpec ReadInit(AttributeData? autoencoder, CancellationToken cancellationToken)
    {
        var init = autoencoder is null ? null : NamedOrNull<int>(autoencoder, "Init");
        return init is null ? InitSpec.Unset : new InitSpec((WeightInit)init.Value, LocationOf(autoencoder!, cancellationToken));
    }

    internal static AttributeData? Find(ImmutableArray<AttributeData> attributes, string name)
        => attributes.FirstOrDefault(a => a.AttributeClass is { } c && c.Name == name && IsOurs(c) && a.AttributeConstructor is not null);

    private static bool IsOurs(INamedTypeSymbol attributeClass)
        => attributeClass.ContainingNamespace is { ContainingNamespace.IsGlobalNamespace: true } ns && ns.Name == AttributeNames.Namespace;

    private static bool DerivesFromLayer(INamedTypeSymbol attributeClass)
    {
        for (var t = attributeClass.BaseType; t is not null; t = t.BaseType)
        {
            if (t.Name == AttributeNames.Layer && IsOurs(t))
            {
                return true;
            }
        }

        return false;
    }

    internal static LocationInfo? LocationOf(AttributeData attribute, CancellationToken cancellationToken)
        => LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));

    private static int IntAt(ImmutableArray<TypedConstant> args, int index)
        => args.Length > index && args[index].Value is int value ? value : 0;

    private static double DoubleAt(ImmutableArray<TypedConstant> args, int index)
        => args.Length > index && args[index].Value is double value ? value : 0;

    private static EquatableArray<int> IntsAt(ImmutableArray<TypedConstant> args, int index)
    {
        if (args.Length <= index || args[index].Kind != TypedConstantKind.Array || args[index].IsNull)
        {
            return EquatableArray<int>.Empty;
        }

        return args[index].Values.Select(v => v.Value is int i ? i : 0).ToEquatableArray();
    }

    private static T Named<T>(AttributeData attribute, string name, T fallback)
        where T : struct => NamedOrNull<T>(attribute, name) ?? fallback;

    /// <summary>A named argument, or its former name's (an <c>[Obsolete]</c> property the compiler flags) when only that is set.</summary>
    internal static T? NamedOrFormer<T>(AttributeData attribute, string name, string former)
        where T : struct => NamedOrNull<T>(attribute, name) ?? NamedOrNull<T>(attribute, former);

    internal static T? NamedOrNull<T>(AttributeData attribute, string name)
        where T : struct
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is T value)
            {
                return value;
            }
        }

        return null;
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };
}
