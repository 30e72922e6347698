using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>[Denoising] beside a latent code: the objective feeds the encoder a corrupted batch and keeps the clean one as the target.</summary>
public class DenoisingLatentTests
{
    private const string Masking = "[Denoising(NoiseKind.Masking, 0.25)]\n";

    [Fact]
    public void Variational_model_corrupts_the_encoders_input_only()
    {
        var run = GeneratorHarness.Run(VariationalModels.Vae.Replace("[Variational(", Masking + "                [Variational("));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("ImageCorruption.Masking(images, NoiseAmount, generator)");
        module.ShouldContain("var input = training ? Corrupt(x) : x;");
        module.ShouldContain("var code = Encode(input);");
        // The likelihood is of the clean (binarised) batch.
        module.ShouldContain("LogLikelihood(x, Reparameterize(code))");
        // Both capabilities: the family's and the declaration's.
        module.ShouldContain("global::Autoencoder.Runtime.Models.IGenerativeAutoencoder,\n        global::Autoencoder.Runtime.Models.IDenoisingAutoencoder\n    {");
        module.ShouldContain("global::Autoencoder.Runtime.Models.IDenoisingAutoencoder.Corrupt(");
    }

    [Fact]
    public void Vector_quantised_model_corrupts_the_encoders_input_only()
    {
        var run = GeneratorHarness.Run(VectorQuantizerTests.Ema.Replace("[VectorQuantized(", Masking + "            [VectorQuantized("));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("var input = training ? Corrupt(batch) : batch;");
        module.ShouldContain("var code = Quantize(Encode(input));");
        module.ShouldContain("LossFunction(Decode(code.Quantized), batch)");
        module.ShouldContain("global::Autoencoder.Runtime.Models.IVectorQuantizedAutoencoder,\n        global::Autoencoder.Runtime.Models.IDenoisingAutoencoder\n    {");
    }

    [Fact]
    public void Models_without_denoising_have_no_corruption()
    {
        GeneratorHarness.Run(VariationalModels.Vae).Source(".Module.g.cs").ShouldNotContain("Corrupt(");
        GeneratorHarness.Run(VectorQuantizerTests.Ema).Source(".Module.g.cs").ShouldNotContain("Corrupt(");
        GeneratorHarness.Run(VariationalModels.Vae).Source(".Module.g.cs").ShouldNotContain("IDenoisingAutoencoder");
    }
}
