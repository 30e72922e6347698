using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Half-typed and absurd declarations: the generator reports, it never throws (CS8785 would cost all output).</summary>
public class RobustnessTests
{
    private const string Header = Models.Usings + "namespace Examples;\n\n";

    [Theory]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dense] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dense(\"x\")] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Unflatten(null)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dense(")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dense(4)] public partial Tensor Encode(Tensor x, Tensor y); [Dense(4)] public partial Tensor Decode(); }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dense(4)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder] [Autoencoder] public partial class A { }")]
    [InlineData("[Autoencoder, Input] public partial class A { public partial Tensor Encode(Tensor x); public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(int.MaxValue, int.MaxValue, int.MaxValue)] public partial class A { [Flatten, Dense(int.MaxValue)] public partial Tensor Encode(Tensor x); [Dense(int.MaxValue)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4), Loss((ReconstructionLoss)42), Optimizer((OptimizerKind)(-1))] public partial class A { [Dense(2, (Activation)99)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A { [Dropout(double.NaN), Dense(2, Activation.LeakyReLU, NegativeSlope = double.PositiveInfinity)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4), Optimizer(OptimizerKind.Sgd, LearningRate = double.NaN, Beta1 = 2)] public partial class A { [Dense(2)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(4)] public static partial class A { }")]
    [InlineData("[Autoencoder, Input(4)] public partial class A<T> where T : class { [Dense(4)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(1, 8, 8)] public partial class A { [Conv2d, ConvTranspose2d(4), MaxPool2d, Upsample] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(int.MaxValue, int.MaxValue, int.MaxValue)] public partial class A { [Conv2d(int.MaxValue, int.MaxValue, Padding = int.MaxValue)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(int.MaxValue, int.MaxValue, int.MaxValue)] public partial class A { [ConvTranspose2d(1, int.MaxValue, Stride = int.MaxValue, Dilation = int.MaxValue, OutputPadding = 1)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder, Input(1, 8, 8)] public partial class A { [Upsample(2, Mode = (Upsampling)7), MaxPool2d(0, Stride = -1), Dropout2d(double.NaN), BatchNorm, Conv2d(4, 3, (Activation)99, Init = (WeightInit)9, NegativeSlope = double.NaN)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder(Init = (WeightInit)(-1)), Input(4)] public partial class A { [GroupNorm(0, Epsilon = double.NaN), LayerNorm(Epsilon = double.NegativeInfinity), GroupNorm(int.MinValue)] public partial Tensor Encode(Tensor x); [Dense(4, Init = WeightInit.TorchDefault)] public partial Tensor Decode(Tensor z); }")]
    [InlineData("[Autoencoder(Init = WeightInit.KaimingNormal), Input(int.MaxValue, int.MaxValue, int.MaxValue)] public partial class A { [LayerNorm, GroupNorm(int.MaxValue), GroupNorm] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }")]
    public void Malformed_declaration_gets_errors_and_no_crash(string declaration)
    {
        var run = GeneratorHarness.Run(Header + declaration);

        run.Result.Exception.ShouldBeNull();
        run.GeneratorDiagnostics.ShouldNotContain(d => d.Id == "AE9999");
        run.Sources.ShouldAllBe(s => s.HintName.EndsWith(".Errors.g.cs"), declaration);

        // The stand-ins of a model with errors compile cleanly: no problem of the compilation lies in generated code.
        run.Output.GetDiagnostics().Where(d => d.Location.SourceTree is { } tree && !run.Input.SyntaxTrees.Contains(tree)).ShouldBeEmpty(declaration);

        // Every one of these is wrong; the user must see at least one error, ours or the compiler's.
        var errors = run.GeneratorDiagnostics.Concat(run.Input.GetDiagnostics()).Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        errors.ShouldNotBeEmpty();
    }

    [Fact]
    public void Autoencoder_on_two_parts_of_one_class_generates_once_and_does_not_crash()
    {
        var run = GeneratorHarness.Run(
            Models.Classic,
            Models.Usings + "namespace Examples; [Autoencoder] public partial class MnistAutoencoder { }");

        run.Result.Exception.ShouldBeNull();
        run.Sources.Count.ShouldBe(2);
        run.Input.GetDiagnostics().ShouldContain(d => d.Id == "CS0579");
    }

    [Fact]
    public void Verbatim_identifier_in_the_namespace_is_a_valid_hint_name_not_a_crash()
    {
        // Found by tests/Autoencoder.Fuzz: a model in 'namespace @public' made AddSource throw on the '@'.
        var run = GeneratorHarness.Run(Models.Classic.Replace("namespace Examples;", "namespace @public.Examples;"));

        run.Result.Exception.ShouldBeNull();
        run.Sources.Select(s => s.HintName).ShouldBe(new[] { "public.Examples.MnistAutoencoder.Module.g.cs", "public.Examples.MnistAutoencoder.Trainer.g.cs" }, ignoreOrder: true);
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void Out_of_range_enum_and_non_finite_values_are_reported_by_the_generator()
    {
        var run = GeneratorHarness.Run(Header + "[Autoencoder, Input(4), Loss((ReconstructionLoss)42)] public partial class A { [Dropout(double.NaN), Dense(2, (Activation)99)] public partial Tensor Encode(Tensor x); [Dense(4)] public partial Tensor Decode(Tensor z); }");

        var messages = run.GeneratorDiagnostics.Where(d => d.Id == "AE0007").Select(d => d.GetMessage()).ToList();
        messages.ShouldContain("The activation of Dense(2, 99) in the encoder must be one of None, ReLU, LeakyReLU, Sigmoid, Tanh, GELU, but is 99");
        messages.ShouldContain("The rate of Dropout(NaN) in the encoder must be in [0, 1), but is NaN");
        messages.ShouldContain("The loss must be one of BinaryCrossEntropy, BinaryCrossEntropyWithLogits, MeanSquaredError, L1, but is 42");
    }
}
