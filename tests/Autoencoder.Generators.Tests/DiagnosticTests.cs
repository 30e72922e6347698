using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Each diagnostic: its id, its full message, and the exact place it points at.</summary>
public class DiagnosticTests
{
    internal const string Header = Models.Usings + "namespace Examples;\n\n";

    [Fact]
    public void AE0001_class_not_partial_points_at_its_name()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public class Plain
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0001");
        diagnostic.GetMessage().ShouldBe("'Plain' must be declared partial so the generator can add the module's implementation to it");
        AssertAt(diagnostic, source, "Plain\n", length: 5);
    }

    [Fact]
    public void AE0001_containing_type_not_partial()
    {
        const string source = Header + """
            public class Outer
            {
                [Autoencoder, Input(4)]
                public partial class Inner
                {
                    [Dense(4)] public partial Tensor Encode(Tensor x);
                    [Dense(4)] public partial Tensor Decode(Tensor z);
                }
            }
            """;

        var diagnostic = Single(source, "AE0001");
        diagnostic.GetMessage().ShouldBe("'Outer' must be declared partial so the generator can add the module's implementation to it");
        AssertAt(diagnostic, source, "Outer", length: 5);
    }

    [Fact]
    public void AE0002_generic_class()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class Generic<T>
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0002");
        diagnostic.GetMessage().ShouldBe("'Generic' cannot be an autoencoder: generic autoencoder classes are not supported");
        AssertAt(diagnostic, source, "Generic<T>", length: 7);
    }

    [Fact]
    public void AE0003_missing_decoder_points_at_the_class()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class NoDecoder
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
            }
            """;

        var diagnostic = Single(source, "AE0003");
        diagnostic.GetMessage().ShouldBe("The autoencoder 'NoDecoder' has no decoder: declare 'public partial Tensor Decode(Tensor z);' and list its layers as attributes on it");
        AssertAt(diagnostic, source, "NoDecoder", length: 9);
    }

    [Fact]
    public void AE0004_network_with_a_body()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class WithBody
            {
                [Dense(4)] public Tensor Encode(Tensor x) => x;
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0004");
        diagnostic.GetMessage().ShouldBe("'Encode' must be declared 'public partial Tensor Encode(Tensor x);': it must be a partial method without a body, so the generator can implement it");
        AssertAt(diagnostic, source, "Encode(Tensor x) =>", length: 6);
    }

    [Fact]
    public void AE0004_network_with_the_wrong_parameter_type()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class WrongType
            {
                [Dense(4)] public partial Tensor Encode(int x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0004");
        diagnostic.GetMessage().ShouldBe("'Encode' must be declared 'public partial Tensor Encode(Tensor x);': it must take exactly one TorchSharp Tensor");
    }

    [Fact]
    public void AE0005_encoder_without_layers()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class Empty
            {
                public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0005");
        diagnostic.GetMessage().ShouldBe("The encoder of 'Empty' has no layers: put layer attributes such as [Dense(32, Activation.ReLU)] on 'Encode'");
        AssertAt(diagnostic, source, "Encode(Tensor x);", length: 6);
    }

    [Fact]
    public void AE0006_missing_input()
    {
        const string source = Header + """
            [Autoencoder]
            public partial class NoInput
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0006");
        diagnostic.GetMessage().ShouldBe("The autoencoder 'NoInput' has no input shape: add [Input(...)] to it, e.g. [Input(1, 28, 28)] or [Input(784)]");
        AssertAt(diagnostic, source, "NoInput", length: 7);
    }

    [Fact]
    public void AE0007_non_positive_units()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class ZeroUnits
            {
                [Dense(0, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0007");
        diagnostic.GetMessage().ShouldBe("The units of Dense(0, ReLU) in the encoder must be positive, but is 0");
        AssertAt(diagnostic, source, "Dense(0, Activation.ReLU)", length: "Dense(0, Activation.ReLU)".Length);
    }

    [Fact]
    public void AE0007_dropout_rate_and_learning_rate_out_of_range()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            [Optimizer(OptimizerKind.Adam, LearningRate = -0.1)]
            public partial class BadRates
            {
                [Dropout(1.5)] [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var messages = Diagnostics(source).Where(d => d.Id == "AE0007").Select(d => d.GetMessage()).ToList();
        messages.ShouldBe(new[]
        {
            "The rate of Dropout(1.5) in the encoder must be in [0, 1), but is 1.5",
            "LearningRate must be a finite number > 0, but is -0.1",
        });
    }

    [Fact]
    public void AE0007_training_values()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            [Training(Epochs = 0, BatchSize = -8)]
            public partial class BadTraining
            {
                [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostics = Diagnostics(source).Where(d => d.Id == "AE0007").ToList();
        diagnostics.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "Epochs must be positive, but is 0",
            "BatchSize must be positive, but is -8",
        });
        AssertAt(diagnostics[0], source, "Training(Epochs = 0", length: "Training(Epochs = 0, BatchSize = -8)".Length);
    }

    [Fact]
    public void AE0008_decoder_output_differs_from_input_names_both_shapes()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 28, 28)]
            public partial class Mismatch
            {
                [Flatten, Dense(32, Activation.ReLU)]
                public partial Tensor Encode(Tensor x);

                [Dense(784, Activation.Sigmoid)]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0008");
        diagnostic.GetMessage().ShouldBe("The decoder of 'Mismatch' outputs [B, 784], but the input is [B, 1, 28, 28]: a reconstruction must have the input's shape");
        AssertAt(diagnostic, source, "Dense(784, Activation.Sigmoid)", length: "Dense(784, Activation.Sigmoid)".Length);
    }

    [Fact]
    public void AE0009_dense_on_an_image_without_flatten()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 28, 28)]
            public partial class NoFlatten
            {
                [Dense(32, Activation.ReLU)]
                public partial Tensor Encode(Tensor x);

                [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Dense(32, ReLU) in the encoder cannot take input [B, 1, 28, 28]: a dense layer needs a flat input; put [Flatten] before it");
        AssertAt(diagnostic, source, "Dense(32, Activation.ReLU)", length: "Dense(32, Activation.ReLU)".Length);
    }

    [Fact]
    public void AE0009_unflatten_to_the_wrong_size()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 28, 28)]
            public partial class BadUnflatten
            {
                [Flatten, Dense(32)]
                public partial Tensor Encode(Tensor x);

                [Dense(780, Activation.Sigmoid), Unflatten(1, 28, 28)]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Unflatten(1, 28, 28) in the decoder cannot take input [B, 780]: 1×28×28 = 784 elements, but the input has 780");
        AssertAt(diagnostic, source, "Unflatten(1, 28, 28)]\n    public partial Tensor Decode", length: "Unflatten(1, 28, 28)".Length);
    }

    [Fact]
    public void AE0010_binary_cross_entropy_without_sigmoid()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            [Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Unbounded
            {
                [Dense(2, Activation.ReLU)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldBe("BinaryCrossEntropy needs reconstructions in [0, 1], but the decoder of 'Unbounded' ends with activation None: end it with Activation.Sigmoid, or use ReconstructionLoss.BinaryCrossEntropyWithLogits and no final activation");
        AssertAt(diagnostic, source, "Dense(4)] public partial Tensor Decode", length: "Dense(4)".Length);
    }

    [Fact]
    public void AE0010_momentum_on_adam()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            [Optimizer(OptimizerKind.Adam, Momentum = 0.9)]
            public partial class AdamMomentum
            {
                [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldBe("Momentum and Nesterov apply to OptimizerKind.Sgd only, but the optimizer is Adam; its momentum is set by Beta1");
    }

    [Fact]
    public void AE0011_user_defined_layer_attribute()
    {
        const string source = Header + """
            public sealed class MyLayerAttribute : LayerAttribute { }

            [Autoencoder, Input(4)]
            public partial class Custom
            {
                [MyLayer] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0011");
        diagnostic.GetMessage().ShouldBe("'Examples.MyLayerAttribute' derives from LayerAttribute but is not a layer the generator knows; use one of the layer attributes in the Autoencoder namespace");
        AssertAt(diagnostic, source, "MyLayer]", length: "MyLayer".Length);
    }

    [Fact]
    public void AE0025_unresolved_GaussianCode_names_its_using_at_the_type()
    {
        // Models.Usings has no 'using Autoencoder.Runtime.Generative;'.
        const string source = Header + """
            [Autoencoder, Input(8), Variational(2), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Vae
            {
                [Dense(4, Activation.ReLU)] public partial GaussianCode Encode(Tensor x);
                [Dense(8, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0025");
        diagnostic.GetMessage().ShouldBe("'Encode' of 'Vae' returns 'GaussianCode', which does not resolve: add 'using Autoencoder.Runtime.Generative;'");
        AssertAt(diagnostic, source, "GaussianCode Encode", length: "GaussianCode".Length);
        Diagnostics(source).Select(d => d.Id).ShouldBe(new[] { "AE0025" }, "not AE0004 ('must return a Tensor') nor AE0031 ('returns Tensor')");
    }

    [Fact]
    public void AE0025_qualified_name_gets_the_full_name_too()
    {
        const string source = Header + """
            [Autoencoder, Input(8), Variational(2), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Vae
            {
                [Dense(4, Activation.ReLU)] public partial Generative.GaussianCode Encode(Tensor x);
                [Dense(8, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0025").GetMessage().ShouldBe(
            "'Encode' of 'Vae' returns 'Generative.GaussianCode', which does not resolve: write 'Autoencoder.Runtime.Generative.GaussianCode', or add 'using Autoencoder.Runtime.Generative;' and write 'GaussianCode'");
    }

    [Fact]
    public void AE0025_unknown_name_says_what_a_network_takes()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Typo
            {
                [Dense(4)] public partial Tensor Encode(Tensr x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0025");
        diagnostic.GetMessage().ShouldBe("'Encode' of 'Typo' takes 'Tensr', which does not resolve: a network takes and returns TorchSharp's Tensor: declare it as 'Tensor', with 'using static TorchSharp.torch;'");
        AssertAt(diagnostic, source, "Tensr", length: "Tensr".Length);
        Diagnostics(source).Select(d => d.Id).ShouldBe(new[] { "AE0025" });
    }

    [Fact]
    public void AE0025_unknown_return_type_of_a_variational_Encode_is_not_called_Tensor()
    {
        const string source = Header + """
            [Autoencoder, Input(8), Variational(2), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Vae
            {
                [Dense(4, Activation.ReLU)] public partial GausianCode Encode(Tensor x);
                [Dense(8, Activation.Sigmoid)] public partial Tensor Decode(Tensor z);
            }
            """;

        Diagnostics(source).Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "'Encode' of 'Vae' returns 'GausianCode', which does not resolve: declare it as TorchSharp's 'Tensor' (with 'using static TorchSharp.torch;'), or, for a [Variational] model, as 'GaussianCode' (with 'using Autoencoder.Runtime.Generative;')",
        });
    }

    [Fact]
    public void Unresolved_GaussianCode_where_a_Tensor_belongs_is_AE0004()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Wrong
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial GaussianCode Decode(Tensor z);
            }
            """;

        Diagnostics(source).Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "'Decode' must be declared 'public partial Tensor Decode(Tensor z);': it must return a TorchSharp Tensor",
        });
    }

    [Fact]
    public void Unresolved_GaussianCode_on_a_model_that_is_not_variational_gets_both_truths()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Plain
            {
                [Dense(4)] public partial GaussianCode Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """;

        Diagnostics(source).Select(d => d.Id).ShouldBe(new[] { "AE0025", "AE0031" });
    }

    [Fact]
    public void Errors_produce_no_model_code_and_only_our_error()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 28, 28)]
            public partial class Broken
            {
                [Dense(32)] public partial Tensor Encode(Tensor x);
                [Dense(784)] public partial Tensor Decode(Tensor z);
            }
            """;

        const string uses = Header + """
            public static class Use
            {
                public static string Run() => Broken.Summary + Broken.ParameterCount + Broken.Trainer.Create(new Broken.TrainingOptions { Epochs = 1 }).Options.Epochs;
            }
            """;

        var run = GeneratorHarness.Run(source, uses);

        run.Sources.Select(s => s.HintName).ShouldBe(new[] { "Examples.Broken.Errors.g.cs" });
        run.Result.Exception.ShouldBeNull();
        run.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0009" });

        // The stand-ins (the model's public surface, throwing) keep CS8795 ("partial method must have an implementation")
        // and CS0117 ("'Broken' does not contain a definition for 'Summary'") out of the way.
        run.CompilationProblems.ShouldBeEmpty();
        Snapshot.Match(run.Sources.Single().SourceText.ToString(), "Errors");
    }

    [Fact]
    public void Every_descriptor_has_a_stable_id_title_and_help_link()
    {
        var descriptors = typeof(AutoencoderGenerator).Assembly
            .GetType("Autoencoder.Generators.Diagnostics.DiagnosticDescriptors")!
            .GetFields()
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

        descriptors.Count.ShouldBeGreaterThanOrEqualTo(13);
        descriptors.Select(d => d.Id).ShouldBeUnique();
        foreach (var d in descriptors)
        {
            d.Id.ShouldMatch("^AE[0-9]{4}$");
            d.Title.ToString().ShouldNotBeNullOrWhiteSpace();
            d.HelpLinkUri.ShouldEndWith("/docs/diagnostics.md#" + d.Id.ToLowerInvariant()); // HelpLinkTests: the whole URL
        }
    }

    internal static Diagnostic[] Diagnostics(string source) => GeneratorHarness.Run(source).GeneratorDiagnostics.ToArray();

    internal static Diagnostic Single(string source, string id)
    {
        var all = Diagnostics(source);
        all.Select(d => d.Id).ShouldContain(id);
        return all.Single(d => d.Id == id);
    }

    /// <summary>The diagnostic starts where <paramref name="marker"/> first occurs and spans <paramref name="length"/> characters.</summary>
    internal static void AssertAt(Diagnostic diagnostic, string source, string marker, int length)
    {
        var start = source.IndexOf(marker, System.StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "marker not in source: " + marker);
        // Reported locations are rebuilt from cached values, so they carry the path, not the syntax tree.
        diagnostic.Location.GetLineSpan().Path.ShouldBe(GeneratorHarness.ModelPath);
        diagnostic.Location.SourceSpan.Start.ShouldBe(start);
        diagnostic.Location.SourceSpan.Length.ShouldBe(length);
    }
}
