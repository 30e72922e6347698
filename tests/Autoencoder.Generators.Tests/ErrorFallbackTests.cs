using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// A model with errors keeps the public surface of its family, with throwing bodies: code that uses the model compiles, so
/// the AE diagnostics are the only ones. Each family's test first compiles the same user code against the valid model,
/// so the code it uses is the real API; the surface test compares the two models' public members one by one.
/// </summary>
public class ErrorFallbackTests
{
    private const string Header = Models.Usings + "using Autoencoder.Runtime.Generative;\n\nnamespace Examples;\n\n";

    /// <summary>What every family has: the constants, the trainer and its options, the module and its methods.</summary>
    private static string Common(string model) => $$"""
        _ = {{model}}.Summary;
        _ = {{model}}.ParameterCount;
        _ = {{model}}.Fingerprint;
        long[] shapes = {{model}}.InputShape;
        shapes = {{model}}.CodeShape;
        var options = new {{model}}.TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 1, LearningRate = 1e-3, WeightDecay = 0, GradientClipNorm = 1, Device = Autoencoder.Runtime.Training.TrainingDevice.Cpu };
        var trainer = {{model}}.Trainer.Create(options);
        trainer = new {{model}}.Trainer(new {{model}}(), trainer.Options);
        {{model}} model = trainer.Model;
        model.eval();
        _ = trainer.Fit(x, x).Epochs;
        _ = trainer.EvaluateLoss(x);
        _ = trainer.Evaluate(x);
        _ = model.forward(x);
        _ = model.Reconstruct(x);
        """ + "\n";

    public static TheoryData<string, string, string, string, string[]> Families() => new()
    {
        {
            "plain",
            """
            [Autoencoder, Input(1, 28, 28), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class PlainModel
            {
                [Flatten, Dense(32, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)] public partial Tensor Decode(Tensor z);
            }
            """,
            "Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)|Dense(700, Activation.Sigmoid), Unflatten(1, 28, 25)",
            Common("PlainModel") + """
            _ = model.Decode(model.Encode(x));
            _ = model.TrainingLoss(x);
            _ = PlainModel.LossFunction(x, x);
            """,
            new[] { "AE0008" }
        },
        {
            "variational",
            """
            [Autoencoder, Input(1, 28, 28), Variational(16), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class VariationalModel
            {
                [Flatten, Dense(64, Activation.ReLU)] public partial GaussianCode Encode(Tensor x);
                [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)] public partial Tensor Decode(Tensor z);
            }
            """,
            "Unflatten(1, 28, 28)|Unflatten(1, 28, 29)",
            Common("VariationalModel") + """
            GaussianCode code = model.Encode(x);
            _ = model.Decode(VariationalModel.Reparameterize(code));
            _ = VariationalModel.KlDivergence(code);
            _ = model.LogLikelihood(x, code.Mean);
            _ = model.TrainingObjective(x).Loss;
            _ = model.Sample(4);
            _ = model.Interpolate(x, x, steps: 3);
            _ = VariationalModel.LatentSize * VariationalModel.KlWeight;
            _ = trainer.EvaluateNll(x, samples: 10).MeanNll;
            """,
            new[] { "AE0009" }
        },
        {
            "vector-quantised",
            """
            [Autoencoder, Input(1, 12, 12), VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]
            public partial class QuantizedModel
            {
                [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1), Conv2d(4, 3, SamePadding = true)]
                public partial Tensor Encode(Tensor x);

                [ConvTranspose2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1), Conv2d(1, 3, Activation.Sigmoid, SamePadding = true)]
                public partial Tensor Decode(Tensor z);
            }
            """,
            ", OutputPadding = 1)|)",
            Common("QuantizedModel") + """
            var quantized = model.Quantize(model.Encode(x));
            _ = model.Decode(quantized.Quantized);
            _ = model.DecodeIndices(model.EncodeIndices(x));
            long[] indexShape = QuantizedModel.IndexShape;
            _ = QuantizedModel.CodebookSize * QuantizedModel.CodeDimension;
            _ = QuantizedModel.CommitmentWeight + QuantizedModel.CodebookDecay + QuantizedModel.CodebookEpsilon + QuantizedModel.DeadCodeThreshold;
            _ = model.TrainingObjective(x).Terms;
            _ = model.TrainingLoss(x);
            _ = QuantizedModel.LossFunction(x, x);
            """,
            new[] { "AE0008" }
        },
        {
            // The issue's report: an RGB codec whose first ConvTranspose2d lacks OutputPadding = 1.
            "compression",
            """
            [Autoencoder, Input(3, 32, 32), Compression(0.01)]
            public partial class RgbCodec
            {
                [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]
                [Conv2d(8, 3, Stride = 2, Padding = 1)]
                public partial Tensor Encode(Tensor x);

                [ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
                [ConvTranspose2d(3, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
                public partial Tensor Decode(Tensor z);
            }
            """,
            "ReLU, Stride = 2, Padding = 1, OutputPadding = 1)|ReLU, Stride = 2, Padding = 1)",
            Common("RgbCodec") + """
            byte[][] streams = model.Compress(x);
            _ = model.Decompress(streams);
            _ = model.CreateCodec();
            _ = model.Decode(model.Encode(x));
            _ = RgbCodec.RateWeight * RgbCodec.PixelsPerImage;
            _ = model.TrainingObjective(x).Loss;
            _ = model.TrainingLoss(x);
            _ = RgbCodec.LossFunction(x, x);
            _ = trainer.EvaluateCompression(x).BitsPerPixel;
            """,
            new[] { "AE0008", "AE0012" }
        },
        {
            "regularised",
            """
            [Autoencoder, Input(64), Denoising(NoiseKind.SaltAndPepper, 0.1), Sparse(L1Weight = 1e-3), Contractive(0.01)]
            [Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
            public partial class RegularisedModel
            {
                [Dense(32, Activation.Tanh), Dense(8, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(64, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }
            """,
            "[Dense(64, Activation.Sigmoid)]|[Dense(63, Activation.Sigmoid)]",
            Common("RegularisedModel") + """
            _ = new RegularisedModel.TrainingOptions { Momentum = 0.5, Nesterov = true };
            _ = model.Denoise(RegularisedModel.Corrupt(x));
            _ = model.JacobianNormSquared(x);
            _ = model.TrainingObjective(x).Loss;
            _ = model.TrainingLoss(x);
            _ = model.Decode(model.Encode(x));
            _ = RegularisedModel.LossFunction(x, x);
            """,
            new[] { "AE0008" }
        },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Code_that_uses_a_model_with_errors_gets_only_the_AE_diagnostics(string family, string model, string breakIt, string uses, string[] expected)
    {
        var user = Header + "public static class Use\n{\n    public static void Run(Tensor x)\n    {\n" + Indent(uses, 8) + "\n    }\n}\n";

        var valid = GeneratorHarness.Run(Header + model, user);
        valid.GeneratorDiagnostics.ShouldBeEmpty(family);
        valid.CompilationProblems.ShouldBeEmpty(family + ": the user code must use the real API of the valid model");

        var run = GeneratorHarness.Run(Header + Break(model, breakIt), user);

        run.Result.Exception.ShouldBeNull();
        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(expected, ignoreOrder: true, family);
        run.Sources.Select(s => s.HintName).ShouldAllBe(h => h.EndsWith(".Errors.g.cs", StringComparison.Ordinal));
        run.CompilationProblems.ShouldBeEmpty(family + ": no CS diagnostic beside ours");
    }

    /// <summary>Every model a snapshot approves, with an error added: a Dropout rate of 5 in the decoder (AE0007).</summary>
    public static TheoryData<string, string, bool> SnapshotModels() => new()
    {
        { "Classic", Models.Classic, false },
        { "Deep", Models.Deep, false },
        { "Nested", Models.Nested, false },
        { "Conv", Models.Conv, false },
        { "Pooled", Models.Pooled, false },
        { "Residual", Models.Residual, false },
        { "Normed", Models.Normed, false },
        { "Controlled", Models.Controlled, false },
        { "Denoising", RegularizedModels.Denoising, false },
        { "BlockDenoising", BlockNoiseTests.Block, false },
        { "Sparse", RegularizedModels.Sparse, false },
        { "Contractive", RegularizedModels.Contractive, false },
        { "DeepContractive", RegularizedModels.DeepContractive, false },
        { "Vae", VariationalModels.Vae, false },
        { "ConvCodec", CompressionTests.Conv, false },
        { "DenseCodec", CompressionTests.Dense, false },
        { "HyperCodec", HyperpriorTests.Codec, false },
        { "FixedHyperCodec", HyperpriorTests.Codec.Replace("[Input(3, Any.Height, Any.Width)]", "[Input(3, 32, 32)]"), false },
        { "GdnCodec", GdnLayerTests.Codec, false },
        { "SmallDnCnn", NoisePredictionTests.DnCnn, false },
        { "EmaVq", VectorQuantizerTests.Ema, false },
        { "GradientVq", VectorQuantizerTests.Gradient, false },
        { "YamlClassic", YamlModels.Classic, true },
        { "YamlDeep", YamlModels.Deep, true },
        { "YamlVae", VariationalModels.VaeYaml, true },
        { "YamlConvCodec", CompressionTests.ConvYaml, true },
        { "YamlEmaVq", VectorQuantizerTests.EmaYaml, true },
        { "YamlSparse", RegularizedModels.SparseYaml, true },
    };

    [Theory]
    [MemberData(nameof(SnapshotModels))]
    public void A_model_with_errors_has_the_public_surface_of_the_valid_model(string name, string source, bool yaml)
    {
        var valid = yaml ? GeneratorHarness.RunYaml(source) : GeneratorHarness.Run(source);
        var broken = yaml ? GeneratorHarness.RunYaml(BreakYaml(source)) : GeneratorHarness.Run(BreakAttributes(source));

        valid.GeneratorDiagnostics.ShouldBeEmpty(name);
        broken.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0007" }, name);
        broken.CompilationProblems.ShouldBeEmpty(name);
        PublicSurface(broken.Output).ShouldBe(PublicSurface(valid.Output), name);
    }

    [Fact]
    public void The_stand_ins_leave_the_users_own_members_alone()
    {
        var source = Header + """
            [Autoencoder, Input(8), Variational(2), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Mine
            {
                public const string Summary = "mine";
                public static int CodeShape => 3;
                public Mine() : base("mine") { }
                public int Sample(int count) => count;
                public sealed class Trainer { }

                [Dense(4, Activation.ReLU)] public partial GaussianCode Encode(Tensor x);
                [Dense(7, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }

            public static class Use
            {
                public static int Run(Tensor x) => Mine.Summary.Length + Mine.CodeShape + new Mine().Sample(2) + (new Mine.Trainer() is null ? 0 : 1)
                    + (int)Mine.LatentSize + new Mine.TrainingOptions { Epochs = 1 }.Epochs + (int)new Mine().Interpolate(x, x, 2).shape[0];
            }
            """;

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008" });
        run.CompilationProblems.ShouldBeEmpty();
        var fallback = run.Source(".Errors.g.cs");
        fallback.ShouldNotContain(" Summary ");
        fallback.ShouldNotContain(" CodeShape ");
        fallback.ShouldNotContain("public Mine()");
        fallback.ShouldNotContain(" Sample(");
        fallback.ShouldNotContain("class Trainer");
        fallback.ShouldContain("class TrainingOptions");
    }

    [Theory]
    [InlineData(" : Base", "")]
    [InlineData("(int size)", "public int Size => size;")]
    public void A_declared_base_class_or_primary_constructor_is_left_to_the_user(string declaration, string member)
    {
        var source = Header + """
            public abstract class Base { }

            [Autoencoder, Input(8)]
            public partial class Derived{{declaration}}
            {
                {{member}}
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(7)] public partial Tensor Decode(Tensor z);
            }

            public static class Use
            {
                public static object Run() => Derived.Trainer.Create(new Derived.TrainingOptions { Epochs = 2 });
            }
            """.Replace("{{declaration}}", declaration).Replace("{{member}}", member);

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008" });
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Errors.g.cs").ShouldNotContain(" : global::TorchSharp");
        run.Source(".Errors.g.cs").ShouldNotContain("public Derived()");
    }

    [Fact]
    public void A_keyword_parameter_name_keeps_its_at_sign()
    {
        var run = GeneratorHarness.Run(Header + """
            [Autoencoder, Input(8)]
            public partial class Keywords
            {
                [Dense(4)] public partial Tensor Encode(Tensor @class);
                [Dense(7)] public partial Tensor Decode(Tensor @in);
            }
            """);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008" });
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Errors.g.cs").ShouldContain("Encode(global::TorchSharp.torch.Tensor @class) => throw");
    }

    [Fact]
    public void A_missing_decoder_gets_a_whole_method_so_code_that_calls_it_compiles()
    {
        var source = Header + """
            [Autoencoder, Input(8)]
            public partial class NoDecoder
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
            }

            public static class Use
            {
                public static Tensor Run(NoDecoder model, Tensor x) => model.Decode(model.Encode(x));
            }
            """;

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0003" });
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Errors.g.cs").ShouldContain("public global::TorchSharp.torch.Tensor Decode(global::TorchSharp.torch.Tensor z) => throw");
    }

    [Fact]
    public void A_class_that_is_not_partial_gets_nothing()
    {
        var run = GeneratorHarness.Run(Header + """
            [Autoencoder, Input(8)]
            public class Whole
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldContain("AE0001");
        run.Sources.ShouldBeEmpty();
    }

    [Fact]
    public void A_yaml_model_with_errors_gets_its_class_and_surface()
    {
        var user = Header + """
            public static class Use
            {
                public static Tensor Run(Tensor x)
                {
                    var trainer = MnistAutoencoder.Trainer.Create(new MnistAutoencoder.TrainingOptions { Epochs = 1 });
                    return trainer.Model.Decode(trainer.Model.Encode(x)) + MnistAutoencoder.InputShape.Length;
                }
            }
            """;

        var run = GeneratorHarness.RunYaml(YamlModels.Classic.Replace("shape: [1, 28, 28]", "shape: [1, 28, 27]"), user);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0009" });
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Errors.g.cs").ShouldContain("public partial class MnistAutoencoder : global::TorchSharp.torch.nn.Module");
    }

    /// <summary>
    /// The issue's second report: GaussianCode without its using was "returns Tensor" (AE0031) beside CS8795 and CS0246.
    /// Now: AE0025 with the using, and the compiler's CS0246, which the stand-in repeats at the same place (only a body that
    /// names the same unknown type matches the declaration); no AE0031, no AE0004, no CS8795.
    /// </summary>
    [Fact]
    public void GaussianCode_without_its_using_is_named_with_the_using_that_fixes_it()
    {
        var source = Models.Usings + "namespace Examples;\n\n" + """
            [Autoencoder, Input(1, 28, 28), Variational(16), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Vae
            {
                [Flatten, Dense(128, Activation.ReLU)]
                public partial GaussianCode Encode(Tensor x);

                [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
                public partial Tensor Decode(Tensor z);
            }

            public static class Use
            {
                public static Tensor Run() => Vae.Trainer.Create().Model.Sample(4);
            }
            """;

        var run = GeneratorHarness.Run(source);

        var diagnostic = run.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("AE0025");
        diagnostic.GetMessage().ShouldBe("'Encode' of 'Vae' returns 'GaussianCode', which does not resolve: add 'using Autoencoder.Runtime.Generative;'");
        DiagnosticTests.AssertAt(diagnostic, source, "GaussianCode Encode", "GaussianCode".Length);
        AssertOnlyCs0246At(run, source, "GaussianCode Encode", 2);
    }

    [Fact]
    public void Tensor_without_its_using_is_named_with_the_using_that_fixes_it()
    {
        var source = "using Autoencoder;\n\nnamespace Examples;\n\n" + """
            [Autoencoder, Input(8)]
            public partial class Plain
            {
                [Dense(4, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }

            public static class Use
            {
                public static string Run() => Plain.Summary + Plain.Trainer.Create(new Plain.TrainingOptions { Epochs = 1 }).Options.Epochs;
            }
            """;

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "'Encode' of 'Plain' takes and returns 'Tensor', which does not resolve: add 'using static TorchSharp.torch;'",
            "'Decode' of 'Plain' takes and returns 'Tensor', which does not resolve: add 'using static TorchSharp.torch;'",
        });
        run.GeneratorDiagnostics.ShouldAllBe(d => d.Id == "AE0025");

        // Four CS0246 in the declarations, each repeated by the stand-in at the same place.
        run.CompilationProblems.ShouldAllBe(d => d.Id == "CS0246");
        run.CompilationProblems.Count.ShouldBe(8);
        run.CompilationProblems.Select(d => d.Location.GetMappedLineSpan().Path).ShouldAllBe(p => p == GeneratorHarness.ModelPath);
    }

    [Fact]
    public void Adding_the_using_leaves_the_real_error_alone()
    {
        var source = Models.Usings + "using Autoencoder.Runtime.Generative;\n\nnamespace Examples;\n\n" + """
            [Autoencoder, Input(8), Variational(2), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Vae
            {
                [Dense(4, Activation.ReLU)] public partial GaussianCode Encode(Tensor x);
                [Dense(7, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }
            """;

        var run = GeneratorHarness.Run(source);

        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0008" });
        run.CompilationProblems.ShouldBeEmpty();
    }

    /// <summary>Every compiler problem is CS0246, <paramref name="count"/> of them, all at <paramref name="marker"/> in the user's file.</summary>
    private static void AssertOnlyCs0246At(GeneratorOutput run, string source, string marker, int count)
    {
        var start = source.IndexOf(marker, StringComparison.Ordinal);
        var line = source.Take(start).Count(c => c == '\n');
        var column = start - (source.LastIndexOf('\n', start) + 1);
        run.CompilationProblems.Select(d => d.Id).ShouldBe(Enumerable.Repeat("CS0246", count), string.Join("\n", run.CompilationProblems));
        foreach (var problem in run.CompilationProblems)
        {
            var mapped = problem.Location.GetMappedLineSpan();
            mapped.Path.ShouldBe(GeneratorHarness.ModelPath);
            (mapped.StartLinePosition.Line, mapped.StartLinePosition.Character).ShouldBe((line, column));
        }
    }

    private static string Break(string source, string replacement)
    {
        var parts = replacement.Split('|');
        source.ShouldContain(parts[0]);
        var at = source.IndexOf(parts[0], StringComparison.Ordinal);
        return source.Substring(0, at) + parts[1] + source.Substring(at + parts[0].Length);
    }

    /// <summary>A Dropout rate of 5 before the decoder's layers: AE0007, and nothing else changes.</summary>
    private static string BreakAttributes(string source)
    {
        var decode = new Regex(@"(public|internal|private|protected)(\s+partial\s+Tensor\s+Decode\()");
        decode.IsMatch(source).ShouldBeTrue();
        return decode.Replace(source, "[Dropout(5)] $1$2", 1);
    }

    private static string BreakYaml(string yaml)
    {
        var decoder = new Regex(@"^(\s*)decoder:\s*$", RegexOptions.Multiline);
        var match = decoder.Match(yaml);
        match.Success.ShouldBeTrue();
        return yaml.Insert(match.Index + match.Length, "\n" + match.Groups[1].Value + "  - dropout: {rate: 5}");
    }

    private static string Indent(string text, int spaces)
        => string.Join("\n", text.Split('\n').Select(l => new string(' ', spaces) + l));

    private static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeModifiers
                       | SymbolDisplayMemberOptions.IncludeAccessibility | SymbolDisplayMemberOptions.IncludeContainingType | SymbolDisplayMemberOptions.IncludeRef,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
                          | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// The public and protected members of every source type that is a TorchSharp module, and of the types nested in it, one
    /// line each; the base type and the constants' types count, the constants' values do not.
    /// </summary>
    private static List<string> PublicSurface(Compilation compilation)
    {
        var lines = new List<string>();
        foreach (var type in Types(compilation.Assembly.GlobalNamespace).Where(t => t.BaseType?.Name == "Module"))
        {
            lines.Add(type.ToDisplayString(Signature) + " : " + type.BaseType!.ToDisplayString(Signature));
            Members(type, lines);
        }

        lines.Count.ShouldBeGreaterThan(0);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static void Members(INamedTypeSymbol type, List<string> lines)
    {
        foreach (var member in type.GetMembers().Where(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility is Accessibility.Public or Accessibility.Protected))
        {
            if (member is INamedTypeSymbol nested)
            {
                lines.Add(nested.ToDisplayString(Signature) + (nested.IsSealed ? " sealed" : string.Empty));
                Members(nested, lines);
            }
            else if (member is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet })
            {
                lines.Add(member.ToDisplayString(Signature) + (member is IFieldSymbol { IsConst: true } ? " const" : string.Empty));
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers().SelectMany(SelfAndNested))
        {
            yield return type;
        }

        foreach (var inner in ns.GetNamespaceMembers())
        {
            foreach (var type in Types(inner))
            {
                yield return type;
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> SelfAndNested(INamedTypeSymbol type)
        => new[] { type }.Concat(type.GetTypeMembers().SelectMany(SelfAndNested));
}
