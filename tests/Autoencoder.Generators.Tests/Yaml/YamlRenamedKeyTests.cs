using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>
/// Keys renamed so that each weight is named after its loss term: the former spelling still reads the same, with a
/// warning (AE0106) at the key that names the new one; both spellings together are an error.
/// </summary>
public class YamlRenamedKeyTests
{
    [Fact]
    public void Former_variational_keys_generate_the_same_code_with_a_warning_each()
    {
        var old = VariationalModels.VaeYaml.Replace("{latent_size: 16, kl_weight: 4, binarize_inputs: true}", "{latent: 16, beta: 4, binarize: true}");
        old.ShouldNotBe(VariationalModels.VaeYaml);

        var fromOld = GeneratorHarness.RunYaml(old);
        var fromNew = GeneratorHarness.RunYaml(VariationalModels.VaeYaml);

        var warnings = fromOld.Result.Diagnostics;
        warnings.Select(d => (d.Id, d.Severity)).ShouldAllBe(d => d.Id == "AE0106" && d.Severity == DiagnosticSeverity.Warning);
        warnings.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "'latent' of 'variational' is now spelled 'latent_size'; the old spelling is read the same way for now, but will be removed",
            "'beta' of 'variational' is now spelled 'kl_weight'; the old spelling is read the same way for now, but will be removed",
            "'binarize' of 'variational' is now spelled 'binarize_inputs'; the old spelling is read the same way for now, but will be removed",
        });
        YamlDiagnosticTests.AssertAt(warnings[1], old, "beta", "beta".Length);
        fromOld.Source(".Module.g.cs").ShouldBe(fromNew.Source(".Module.g.cs"));
    }

    [Theory]
    [InlineData("sparse: {l1: 0.001}", "sparse: {l1_weight: 0.001}", "'l1' of 'sparse' is now spelled 'l1_weight'")]
    [InlineData("sparse: {target: 0.05, weight: 3}", "sparse: {sparsity_target: 0.05, sparsity_weight: 3}", "'target' of 'sparse' is now spelled 'sparsity_target'")]
    [InlineData("contractive: {weight: 0.01}", "contractive: {contractive_weight: 0.01}", "'weight' of 'contractive' is now spelled 'contractive_weight'")]
    public void Former_penalty_keys_generate_the_same_code(string old, string current, string firstWarning)
    {
        var fromOld = GeneratorHarness.RunYaml(RegularizedModels.SmallYaml(old));
        var fromNew = GeneratorHarness.RunYaml(RegularizedModels.SmallYaml(current));

        fromNew.Result.Diagnostics.ShouldBeEmpty();
        fromOld.Result.Diagnostics.Select(d => d.Id).ShouldAllBe(id => id == "AE0106");
        fromOld.Result.Diagnostics[0].GetMessage().ShouldStartWith(firstWarning + ";");
        fromOld.Source(".Module.g.cs").ShouldBe(fromNew.Source(".Module.g.cs"));
    }

    [Fact]
    public void Former_vector_quantizer_keys_generate_the_same_code()
    {
        var old = VectorQuantizerTests.EmaYaml.Replace("vector_quantized: {codes: 16, dimension: 4, ema: true, codebook_decay: 0.9}", "vector_quantizer: {codes: 16, dimension: 4, ema: true, decay: 0.9}");
        old.ShouldNotBe(VectorQuantizerTests.EmaYaml);

        var fromOld = GeneratorHarness.RunYaml(old);

        fromOld.Result.Diagnostics.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "'vector_quantizer' of a model is now spelled 'vector_quantized'; the old spelling is read the same way for now, but will be removed",
            "'decay' of 'vector_quantized' is now spelled 'codebook_decay'; the old spelling is read the same way for now, but will be removed",
        });
        fromOld.Source(".Module.g.cs").ShouldBe(GeneratorHarness.RunYaml(VectorQuantizerTests.EmaYaml).Source(".Module.g.cs"));
    }

    [Fact]
    public void Both_spellings_of_one_key_are_an_error()
    {
        var yaml = VariationalModels.VaeYaml.Replace("kl_weight: 4", "kl_weight: 4, beta: 2");

        var run = GeneratorHarness.RunYaml(yaml);

        run.Sources.ShouldBeEmpty();
        var error = run.Result.Diagnostics.Single(d => d.Severity == DiagnosticSeverity.Error);
        error.Id.ShouldBe("AE0103");
        error.GetMessage().ShouldBe("'beta' of 'variational' must be given once (it is the former spelling of 'kl_weight', which is given too), but is given twice");
    }

    [Fact]
    public void A_typo_of_a_former_spelling_suggests_the_current_one()
    {
        var yaml = VariationalModels.VaeYaml.Replace("kl_weight: 4", "betta: 4");

        var unknown = GeneratorHarness.RunYaml(yaml).Result.Diagnostics.Single(d => d.Id == "AE0102");

        unknown.GetMessage().ShouldBe("'betta' is not a key of 'variational'; did you mean 'kl_weight'?");
    }
}
