using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// Attribute properties renamed so that each weight is named after its loss term: the former names still generate the
/// same code, and the compiler says which name replaces them (CS0618, from [Obsolete]).
/// </summary>
public class FormerNameTests
{
    [Theory]
    [InlineData("[Variational(16, KlWeight = 4, BinarizeInputs = true)]", "[Variational(16, Beta = 4, BinarizeInputs = true)]", "Renamed KlWeight")]
    public void Former_variational_name_generates_the_same_code(string current, string former, string message)
        => AssertSameCode(VariationalModels.Vae, current, former, message);

    [Theory]
    [InlineData("[Sparse(L1Weight = 1e-4, SparsityTarget = 0.05, SparsityWeight = 3)]", "[Sparse(L1 = 1e-4, Target = 0.05, Weight = 3)]", "Renamed L1Weight")]
    public void Former_sparse_names_generate_the_same_code(string current, string former, string message)
        => AssertSameCode(RegularizedModels.Sparse, current, former, message);

    [Theory]
    [InlineData("[VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]", "[VectorQuantized(16, 4, Ema = true, Decay = 0.9)]", "Renamed CodebookDecay")]
    public void Former_vector_quantizer_names_generate_the_same_code(string current, string former, string message)
        => AssertSameCode(VectorQuantizerTests.Ema, current, former, message);

    private static void AssertSameCode(string model, string current, string former, string message)
    {
        model.ShouldContain(current);
        var withFormer = GeneratorHarness.Run(model.Replace(current, former));
        var expected = GeneratorHarness.Run(model);

        withFormer.Result.Diagnostics.ShouldBeEmpty();
        withFormer.Source(".Module.g.cs").ShouldBe(expected.Source(".Module.g.cs"));
        var obsolete = withFormer.CompilationProblems.Where(d => d.Id == "CS0618").ToList();
        obsolete.ShouldNotBeEmpty();
        obsolete[0].GetMessage().ShouldContain(message);
        withFormer.CompilationProblems.Select(d => d.Id).ShouldAllBe(id => id == "CS0618");
    }
}
