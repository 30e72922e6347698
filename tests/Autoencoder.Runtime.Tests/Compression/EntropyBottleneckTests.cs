using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class EntropyBottleneckTests
{
    [Fact]
    public void Parameters_are_registered_by_name()
    {
        using var bottleneck = new EntropyBottleneck("entropy", 5);
        var names = bottleneck.named_parameters().Select(p => p.name).ToArray();
        names.ShouldBe(
            ["matrix0", "bias0", "factor0", "matrix1", "bias1", "factor1", "matrix2", "bias2", "factor2", "matrix3", "bias3"],
            ignoreOrder: true);
        // Per channel: matrices 3 + 9 + 9 + 3, biases 3 + 3 + 3 + 1, factors 3 + 3 + 3.
        bottleneck.parameters().Sum(p => p.numel()).ShouldBe(5 * (24 + 10 + 9));
        bottleneck.Channels.ShouldBe(5);
    }

    [Fact]
    public void Training_adds_bounded_noise_and_evaluation_rounds()
    {
        torch.manual_seed(1).Dispose();
        using var bottleneck = new EntropyBottleneck("entropy", 3);
        using var code = randn(64, 3, 4, 4) * 5;

        bottleneck.train();
        var noisy = bottleneck.forward(code);
        using var offset = noisy.Quantized - code;
        offset.abs().max().item<float>().ShouldBeLessThanOrEqualTo(0.5f);
        offset.std().item<float>().ShouldBeInRange(0.25f, 0.33f);  // U(−½, ½) has σ = 0.289
        noisy.Likelihoods.shape.ShouldBe(code.shape);

        bottleneck.eval();
        var rounded = bottleneck.forward(code);
        rounded.Quantized.eq(code.round()).all().item<bool>().ShouldBeTrue();
        rounded.Likelihoods.shape.ShouldBe(new long[] { 64, 3, 4, 4 });

        Should.Throw<ArgumentException>(() => bottleneck.forward(zeros(2, 4))).Message.ShouldContain("[B, 3, …]");
        Should.Throw<ArgumentException>(() => bottleneck.forward(zeros(3)));
    }

    [Fact]
    public void Likelihoods_of_the_integers_sum_to_one_per_channel_and_match_the_double_precision_density()
    {
        torch.manual_seed(2).Dispose();
        using var bottleneck = new EntropyBottleneck("entropy", 2);
        using var integers = arange(-400, 401, dtype: ScalarType.Float32).unsqueeze(1).expand(-1, 2).contiguous();  // [801, 2]
        using var likelihoods = bottleneck.Likelihoods(integers).detach();
        var sums = likelihoods.transpose(0, 1).sum(1).data<float>().ToArray();  // sum(0) would bind to sum(ScalarType)
        sums.ShouldAllBe(s => Math.Abs(s - 1) < 1e-3);

        // The C# copy of the density (used for the coding tables) agrees with the tensor one, far in the tails too:
        // the sign trick keeps the right tail's small differences of sigmoids accurate in float32.
        var densities = bottleneck.ReadDensities();
        foreach (var v in new[] { -120, -30, -1, 0, 3, 40, 150 })
        {
            for (var c = 0; c < 2; c++)
            {
                var expected = ChannelDensity.Mass(densities[c].Logit(v - 0.5), densities[c].Logit(v + 0.5));
                var actual = likelihoods[v + 400, c].item<float>();
                expected.ShouldBeGreaterThan(1e-8);
                (Math.Abs(actual - expected) / expected).ShouldBeLessThan(1e-3, $"value {v}, channel {c}");
            }
        }
    }

    [Fact]
    public void Far_values_are_floored_with_finite_bits_and_gradients()
    {
        using var bottleneck = new EntropyBottleneck("entropy", 1);
        using var far = tensor(new float[] { 0, 1e7f }).reshape(1, 1, 2).requires_grad_();
        var likelihoods = bottleneck.Likelihoods(far);
        likelihoods[0, 0, 1].item<float>().ShouldBe((float)EntropyBottleneck.LikelihoodBound, 1e-12f);
        var bits = EntropyBottleneck.BitsPerImage(likelihoods);
        bits.shape.ShouldBe(new long[] { 1 });
        bits.item<float>().ShouldBeLessThan(40f);
        bits.sum().backward();
        far.grad!.isfinite().all().item<bool>().ShouldBeTrue();
        bottleneck.parameters().All(p => p.grad is not null && p.grad.isfinite().all().item<bool>()).ShouldBeTrue();
    }

    [Fact]
    public void Bits_per_image_sum_minus_log2_over_all_but_the_batch_axis()
    {
        using var likelihoods = full(new long[] { 3, 2, 4, 4 }, 0.5f);
        likelihoods[1] = full(new long[] { 2, 4, 4 }, 0.25f);
        EntropyBottleneck.BitsPerImage(likelihoods).data<float>().ToArray().ShouldBe([32f, 64f, 32f]);
        using var flat = full(new long[] { 2, 5 }, 0.125f);
        EntropyBottleneck.BitsPerImage(flat).data<float>().ToArray().ShouldBe([15f, 15f]);
        Should.Throw<ArgumentException>(() => EntropyBottleneck.BitsPerImage(ones(4)));
    }

    [Fact]
    public void Coding_tables_are_deterministic_and_cover_the_mass()
    {
        torch.manual_seed(3).Dispose();
        using var bottleneck = new EntropyBottleneck("entropy", 3);
        var first = CodingTables.Build(bottleneck.ReadDensities());
        var second = CodingTables.Build(bottleneck.ReadDensities());
        for (var c = 0; c < 3; c++)
        {
            first[c].Low.ShouldBe(second[c].Low);
            first[c].High.ShouldBe(second[c].High);
            Enumerable.Range(0, first[c].Table.SymbolCount).Select(first[c].Table.Frequency)
                .ShouldBe(Enumerable.Range(0, second[c].Table.SymbolCount).Select(second[c].Table.Frequency));
            // A fresh density is wide (scale ~10): its table spans a few hundred integers, with one unit for the escape.
            (first[c].High - first[c].Low).ShouldBeInRange(100, 1000);
            first[c].Low.ShouldBeLessThan(0);
            first[c].High.ShouldBeGreaterThan(0);
            first[c].Table.Frequency(first[c].Table.SymbolCount - 1).ShouldBe(1u);
        }
    }
}
