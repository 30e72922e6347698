using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>The 'denoising', 'sparse' and 'contractive' maps: the same code as the attributes, diagnostics at their nodes.</summary>
public class YamlRegularizationTests
{
    [Theory]
    [InlineData("Denoising")]
    [InlineData("Sparse")]
    [InlineData("Contractive")]
    public void Yaml_and_attribute_twins_generate_the_same_code(string model)
    {
        var (yaml, attributes) = model switch
        {
            "Denoising" => (RegularizedModels.DenoisingYaml, RegularizedModels.Denoising),
            "Sparse" => (RegularizedModels.SparseYaml, RegularizedModels.Sparse),
            _ => (RegularizedModels.ContractiveYaml, RegularizedModels.Contractive),
        };

        var fromYaml = GeneratorHarness.RunYaml(yaml);
        var fromAttributes = GeneratorHarness.Run(attributes);

        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        var name = model + "Autoencoder";
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), name));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), name));
    }

    [Theory]
    [InlineData("denoising: {noise: gaussian, amount: -0.5}", "{noise: gaussian, amount: -0.5}", "AE0020", "The amount of Gaussian noise (its σ) must be a finite number ≥ 0, but is -0.5")]
    [InlineData("denoising: {noise: masking, amount: 2}", "{noise: masking, amount: 2}", "AE0020", "The amount of Masking noise (the fraction of pixels corrupted) must be in [0, 1], but is 2.0")]
    [InlineData("sparse: {sparsity_target: 1.5}", "{sparsity_target: 1.5}", "AE0020", "SparsityTarget of Sparse must be in (0, 1), but is 1.5")]
    [InlineData("sparse: {}", "{}", "AE0021", "The sparse autoencoder 'Small' declares no penalty: set L1Weight (λ of the code's L1 norm), SparsityTarget (ρ, the mean activation each code unit should have) or both, e.g. Sparse(L1Weight = 1e-4) or Sparse(SparsityTarget = 0.05, SparsityWeight = 3)")]
    [InlineData("contractive: {contractive_weight: -1}", "{contractive_weight: -1}", "AE0020", "ContractiveWeight of Contractive must be a finite number ≥ 0, but is -1.0")]
    [InlineData("denoising: {noise: speckle, amount: 0.1}", "speckle", "AE0007", "The noise of 'denoising' must be one of 'gaussian', 'masking', 'salt_and_pepper', 'block', but is 'speckle'")]
    [InlineData("denoising: {noise: gaussian, amount: lots}", "lots", "AE0103", "'amount' of 'denoising' must be a number, but is 'lots'")]
    [InlineData("sparse: {l1_weight: 0.1, traget: 0.05}", "traget", "AE0102", "'traget' is not a key of 'sparse'; did you mean 'sparsity_target'?")]
    [InlineData("denoising: {amount: 0.1}", "{amount: 0.1}", "AE0104", "'denoising' has no 'noise', which is required: one of 'gaussian', 'masking', 'salt_and_pepper', 'block', e.g. 'denoising: {noise: gaussian, amount: 0.3}'")]
    public void Diagnostics_point_at_the_node(string extra, string marker, string id, string message)
    {
        var yaml = RegularizedModels.SmallYaml(extra);

        var diagnostic = YamlDiagnosticTests.Single(yaml, id);

        diagnostic.GetMessage().ShouldBe(message);
        YamlDiagnosticTests.AssertAt(diagnostic, yaml, marker, length: marker.Length);
    }

    [Fact]
    public void KL_target_on_a_relu_code_points_at_the_encoders_last_layer()
    {
        var yaml = RegularizedModels.SmallYaml("sparse: {sparsity_target: 0.05}").Replace("{units: 8, activation: sigmoid}", "{units: 8, activation: relu}");

        var diagnostic = YamlDiagnosticTests.Single(yaml, "AE0022");

        YamlDiagnosticTests.AssertAt(diagnostic, yaml, "dense: {units: 8, activation: relu}", length: "dense: {units: 8, activation: relu}".Length);
    }
}
