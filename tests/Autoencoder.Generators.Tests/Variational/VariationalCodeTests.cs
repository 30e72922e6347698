using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Variational;

/// <summary>The generated members of a variational autoencoder, from attributes and from YAML.</summary>
public class VariationalCodeTests
{
    [Fact]
    public void Vae_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(VariationalModels.Vae);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Vae.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "Vae.Trainer");
    }

    [Fact]
    public void Yaml_twin_generates_the_same_code_with_the_generator_declaring_Encode()
    {
        var fromYaml = GeneratorHarness.RunYaml(VariationalModels.VaeYaml);
        var fromAttributes = GeneratorHarness.Run(VariationalModels.Vae);

        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        var module = fromAttributes.Source(".Module.g.cs")
            .Replace("partial class SmallVae", "public partial class SmallVae")
            .Replace("public partial global::Autoencoder.Runtime.Generative.GaussianCode Encode(", "public global::Autoencoder.Runtime.Generative.GaussianCode Encode(")
            .Replace("public partial global::TorchSharp.torch.Tensor Decode(", "public global::TorchSharp.torch.Tensor Decode(");
        fromYaml.Source(".Module.g.cs").ShouldBe(module);
        fromYaml.Source(".Trainer.g.cs").ShouldBe(fromAttributes.Source(".Trainer.g.cs").Replace("partial class SmallVae", "public partial class SmallVae"));
    }

    [Fact]
    public void Heads_enter_the_summary_the_parameter_count_and_the_fingerprint_and_the_code_is_the_latent()
    {
        var module = GeneratorHarness.Run(VariationalModels.Vae).Source(".Module.g.cs");

        // 784·64+64 encoder, 2 × (64·16+16) heads, 16·64+64 + 64·784+784 decoder.
        const long expected = 50_240 + 2 * 1_040 + 1_088 + 50_960;
        module.ShouldContain("public const long ParameterCount = " + expected + ";");
        module.ShouldContain("\"encoder_mean          Dense(16)             [B, 16]           1,040\\n\"");
        module.ShouldContain("\"encoder_log_variance  Dense(16)             [B, 16]           1,040\\n\"");
        module.ShouldContain("public static long[] CodeShape => new long[] { 16 };");

        var plain = GeneratorHarness.Run(VariationalModels.Vae.Replace("[Variational(16, KlWeight = 4, BinarizeInputs = true)]", "[Variational(16)]")).Source(".Module.g.cs");
        Fingerprint(plain).ShouldBe(Fingerprint(module));
        var wider = GeneratorHarness.Run(VariationalModels.Vae.Replace("Variational(16,", "Variational(17,")).Source(".Module.g.cs");
        Fingerprint(wider).ShouldNotBe(Fingerprint(module));
    }

    [Theory]
    [InlineData("Variational(4)", "ReconstructionLoss.BinaryCrossEntropy", "Activation.Sigmoid", "binary_cross_entropy(Decode(z), x, reduction: global::TorchSharp.torch.nn.Reduction.None).flatten(1).sum(1).neg()")]
    [InlineData("Variational(4)", "ReconstructionLoss.BinaryCrossEntropyWithLogits", "Activation.None", "binary_cross_entropy_with_logits(Decode(z), x, reduction: global::TorchSharp.torch.nn.Reduction.None).flatten(1).sum(1).neg()")]
    [InlineData("Variational(4, Likelihood = Likelihood.Gaussian)", "ReconstructionLoss.MeanSquaredError", "Activation.None", "(x - Decode(z)).pow(HeldInteger(2)).flatten(1).sum(1).mul(Held(-0.5)).sub(Held(8 * 0.5 * global::System.Math.Log(2 * global::System.Math.PI)))")]
    public void Log_likelihood_follows_the_declared_likelihood_and_loss(string variational, string loss, string last, string expression)
    {
        var run = GeneratorHarness.Run(VariationalModels.Flat(variational, loss, last));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain(expression);
        module.ShouldContain("var loss = reconstruction.add(kl, One).mean();");
        module.ShouldContain("var x = batch;");
        run.Source(".Trainer.g.cs").ShouldContain("TrainingLoop.Fit(Model, optimizer, Model.TrainingObjective,");
    }

    [Fact]
    public void Models_without_Variational_are_unchanged()
    {
        var module = GeneratorHarness.Run(Models.Classic).Source(".Module.g.cs");

        module.ShouldNotContain("GaussianCode");
        module.ShouldContain("public global::TorchSharp.torch.Tensor TrainingLoss(");
    }

    private static string Fingerprint(string module)
        => module.Split('\n').Single(l => l.Contains("public const string Fingerprint", System.StringComparison.Ordinal));
}
