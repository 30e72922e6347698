using System;
using System.Linq;
using Autoencoder.Runtime.Generative;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generative;

/// <summary>
/// The runtime's vector quantizer on hand-made codebooks: which code it picks, the straight-through gradient, the
/// moving-average update against a hand computation, dead-code resets, and where its state lives.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class VectorQuantizerTests
{
    // e0 = (0, 0), e1 = (1, 0), e2 = (0, 2).
    private static readonly float[] Codes = [0, 0, 1, 0, 0, 2];

    // The nearest codes: e0, e1, e1 (0.16 from e1, 0.36 from e0), e2.
    private static readonly float[] Rows = [0.1f, 0.1f, 0.9f, -0.2f, 0.6f, 0f, 0.2f, 1.5f];
    private static readonly long[] Nearest = [0, 1, 1, 2];

    /// <summary>A module that owns a quantizer, as a generated VQ-VAE does.</summary>
    private sealed class Owner : nn.Module
    {
        public Owner(Func<nn.Module, VectorQuantizer> create) : base(nameof(Owner))
        {
            Quantizer = create(this);
            register_module("quantizer", Quantizer);
        }

        public VectorQuantizer Quantizer { get; }
    }

    private static VectorQuantizer Gradient(long codes = 3, double deadCodeThreshold = 0, nn.Module? owner = null)
        => VectorQuantizer.LearnedByGradient("quantizer", owner, codes, 2, commitmentWeight: 0.25, deadCodeThreshold);

    private static VectorQuantizer Ema(long codes = 3, double decay = 0.5, double epsilon = 0.1, double deadCodeThreshold = 0, nn.Module? owner = null)
        => VectorQuantizer.WithMovingAverages("quantizer", owner, codes, 2, commitmentWeight: 0.25, decay, epsilon, deadCodeThreshold);

    private static void Set(Tensor target, float[] values)
    {
        using var _ = no_grad();
        using var source = tensor(values).reshape(target.shape);
        target.copy_(source);
    }

    private static float[] Values(Tensor t) => t.detach().cpu().contiguous().data<float>().ToArray();

    private static long[] Longs(Tensor t) => t.cpu().contiguous().data<long>().ToArray();

    [Fact]
    public void Each_row_takes_its_nearest_code()
    {
        using var quantizer = Gradient();
        Set(quantizer.Codebook, Codes);
        using var z = tensor(Rows).reshape(4, 2);

        Longs(quantizer.NearestCodes(z)).ShouldBe(Nearest);
        Longs(quantizer.Indices(z)).ShouldBe(Nearest);

        quantizer.eval();
        var code = quantizer.forward(z);
        Longs(code.Indices).ShouldBe(Nearest);
        Values(code.Quantized).ShouldBe([0, 0, 1, 0, 1, 0, 0, 2]);
        Values(quantizer.Lookup(code.Indices)).ShouldBe(Values(code.Quantized));
        // Three of the four rows on two codes and one on a third: usage 3/3, perplexity exp(−Σ p log p) with p = ¼, ½, ¼.
        code.Usage.item<float>().ShouldBe(1f);
        code.Perplexity.item<float>().ShouldBe((float)Math.Exp(-((0.5 * Math.Log(0.25)) + (0.5 * Math.Log(0.5)))), 1e-5f);
    }

    [Fact]
    public void Image_codes_are_quantised_along_the_channel_axis()
    {
        using var quantizer = Gradient();
        Set(quantizer.Codebook, Codes);
        // The four rows as the four positions of one [1, 2, 2, 2] code: z[0, :, h, w] is row 2h + w.
        using var rows = tensor(Rows).reshape(4, 2);
        using var z = rows.t().reshape(1, 2, 2, 2);

        using var indices = quantizer.Indices(z);

        indices.shape.ShouldBe([1, 2, 2]);
        Longs(indices).ShouldBe(Nearest);
        quantizer.eval();
        var code = quantizer.forward(z);
        code.Quantized.shape.ShouldBe([1, 2, 2, 2]);
        Values(code.Quantized.reshape(2, 4).t()).ShouldBe([0, 0, 1, 0, 1, 0, 0, 2]);
        Values(quantizer.Lookup(indices)).ShouldBe(Values(code.Quantized));
    }

    [Fact]
    public void The_decoder_gradient_passes_straight_through_to_the_encoder_output()
    {
        using var quantizer = Gradient();
        Set(quantizer.Codebook, Codes);
        using var z = tensor(Rows).reshape(4, 2).requires_grad_();
        using var weights = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8 }).reshape(4, 2);
        quantizer.eval();

        var code = quantizer.forward(z);
        code.Quantized.mul(weights).sum().backward();

        Values(z.grad!).ShouldBe(Values(weights));
        quantizer.Codebook.grad.ShouldBeNull(); // the decoder's gradient never reaches the codes
    }

    [Fact]
    public void The_losses_pull_the_encoder_and_the_codes_towards_each_other()
    {
        using var quantizer = Gradient();
        Set(quantizer.Codebook, Codes);
        using var z = tensor(Rows).reshape(4, 2).requires_grad_();
        quantizer.eval();

        var code = quantizer.forward(z);
        // Both are means over the 8 elements of (z − e)²: the commitment loss weighted by β = 0.25.
        var squares = Rows.Select((v, i) => Math.Pow(v - new float[] { 0, 0, 1, 0, 1, 0, 0, 2 }[i], 2)).Sum() / 8;
        code.CommitmentLoss.item<float>().ShouldBe((float)(0.25 * squares), 1e-7f);
        code.CodebookLoss!.item<float>().ShouldBe((float)squares, 1e-7f);

        code.CodebookLoss.backward();
        // d/de_k of mean (e_k − z)² over the rows that chose k: Σ 2(e_k − z) / 8. Code e0 took row 0, e1 rows 1 and 2, e2 row 3.
        Values(quantizer.Codebook.grad!).ShouldBe(
            [2 * (0 - 0.1f) / 8, 2 * (0 - 0.1f) / 8,
             2 * ((1 - 0.9f) + (1 - 0.6f)) / 8, 2 * ((0 + 0.2f) + (0 - 0f)) / 8,
             2 * (0 - 0.2f) / 8, 2 * (2 - 1.5f) / 8],
            tolerance: 1e-7f);
        z.grad.ShouldBeNull(); // the codebook loss stops the encoder's gradient
    }

    [Fact]
    public void Moving_averages_update_the_codebook_as_computed_by_hand()
    {
        using var quantizer = Ema(decay: 0.5, epsilon: 0.1);
        Set(quantizer.Codebook, Codes);
        Set(quantizer.EmbeddingSum!, Codes); // as at construction: m = e, N = 1
        using var z = tensor(Rows).reshape(4, 2);

        quantizer.train();
        var code = quantizer.forward(z);

        // n = (1, 2, 1) and Σz = (0.1, 0.1), (1.5, −0.2), (0.2, 1.5) for the rows each code took.
        double[] counts = [1, 2, 1];
        double[][] sums = [[0.1, 0.1], [0.9 + 0.6, -0.2 + 0], [0.2, 1.5]];
        var size = counts.Select(n => (0.5 * 1) + (0.5 * n)).ToArray();                                         // N ← γN + (1 − γ)n
        var sum = Enumerable.Range(0, 3).Select(k => sums[k].Select((s, d) => (0.5 * Codes[(2 * k) + d]) + (0.5 * s)).ToArray()).ToArray(); // m ← γm + (1 − γ)Σz
        var total = size.Sum();
        var smoothed = size.Select(n => (n + 0.1) / (total + (3 * 0.1)) * total).ToArray();
        var expected = Enumerable.Range(0, 6).Select(i => (float)(sum[i / 2][i % 2] / smoothed[i / 2])).ToArray(); // e = m / N

        Values(quantizer.ClusterSize!).ShouldBe(size.Select(n => (float)n).ToArray(), tolerance: 1e-6f);
        Values(quantizer.EmbeddingSum!).ShouldBe(sum.SelectMany(m => m).Select(v => (float)v).ToArray(), tolerance: 1e-6f);
        Values(quantizer.Codebook).ShouldBe(expected, tolerance: 1e-6f);
        // The batch was quantised with the codes as they were before the update.
        Values(code.Quantized).ShouldBe([0, 0, 1, 0, 1, 0, 0, 2]);
        code.CodebookLoss.ShouldBeNull();
    }

    [Fact]
    public void Evaluation_mode_leaves_the_codebook_as_it_is()
    {
        using var quantizer = Ema(deadCodeThreshold: 1);
        using var z = tensor(Rows).reshape(4, 2);
        var before = new[] { quantizer.Codebook, quantizer.ClusterSize!, quantizer.EmbeddingSum! }.Select(Values).ToArray();

        quantizer.eval();
        quantizer.forward(z);

        new[] { quantizer.Codebook, quantizer.ClusterSize!, quantizer.EmbeddingSum! }.Select(Values).ToArray().ShouldBe(before);
    }

    [Fact]
    public void Dead_codes_move_to_encoder_outputs_and_live_ones_stay()
    {
        // e2 and e3 are far from every row: nothing takes them, their usage falls to 0.99 < 1, and they are reset.
        using var quantizer = Gradient(codes: 4, deadCodeThreshold: 1);
        float[] codes = [0, 0, 1, 0, 50, 50, -50, -50];
        Set(quantizer.Codebook, codes);
        using var z = tensor(Rows).reshape(4, 2);

        quantizer.train();
        manual_seed(11);
        quantizer.forward(z);

        // The same draw from the global generator: two of the four rows, with replacement.
        manual_seed(11);
        using var drawn = randint(4, [2]);
        var chosen = Longs(drawn).SelectMany(r => Rows.Skip(2 * (int)r).Take(2)).ToArray();
        Values(quantizer.Codebook).ShouldBe(codes.Take(4).Concat(chosen).ToArray());
        // Usage: 0.99·1 + 0.01·n for the live codes (two rows each: e0 takes the last row too), the threshold for the reset ones.
        Values(quantizer.CodebookUsage!).ShouldBe([0.99f + 0.02f, 0.99f + 0.02f, 1f, 1f], tolerance: 1e-6f);
    }

    [Fact]
    public void Dead_codes_with_moving_averages_restart_their_averages_at_the_threshold()
    {
        using var quantizer = Ema(codes: 4, decay: 0.5, deadCodeThreshold: 0.8);
        float[] codes = [0, 0, 1, 0, 50, 50, -50, -50];
        Set(quantizer.Codebook, codes);
        Set(quantizer.EmbeddingSum!, codes);
        using var z = tensor(Rows).reshape(4, 2);

        quantizer.train();
        manual_seed(12);
        quantizer.forward(z);

        manual_seed(12);
        using var drawn = randint(4, [2]);
        var chosen = Longs(drawn).SelectMany(r => Rows.Skip(2 * (int)r).Take(2)).ToArray();
        // Sizes 0.5·1 + 0.5·n: 1.5 for the live codes (two rows each); 0.5 < 0.8 for the dead ones, which restart at 0.8.
        Values(quantizer.ClusterSize!).ShouldBe([1.5f, 1.5f, 0.8f, 0.8f]);
        Values(quantizer.Codebook).Skip(4).ShouldBe(chosen);
        Values(quantizer.EmbeddingSum!).Skip(4).ShouldBe(chosen.Select(v => v * 0.8f).ToArray(), tolerance: 1e-6f);
    }

    [Fact]
    public void Without_a_threshold_nothing_is_reset()
    {
        using var quantizer = Gradient(codes: 4, deadCodeThreshold: 0);
        float[] codes = [0, 0, 1, 0, 50, 50, -50, -50];
        Set(quantizer.Codebook, codes);
        using var z = tensor(Rows).reshape(4, 2);
        using var before = get_rng_state();

        quantizer.train();
        quantizer.forward(z);

        Values(quantizer.Codebook).ShouldBe(codes);
        quantizer.CodebookUsage.ShouldBeNull();
        using var after = get_rng_state();
        after.eq(before).all().item<bool>().ShouldBeTrue("nothing drew from the global generator");
    }

    [Fact]
    public void Construction_draws_the_codebook_once_uniform_in_plus_minus_one_over_K()
    {
        manual_seed(13);
        using var quantizer = Ema(codes: 8);
        using var next = rand(1);

        manual_seed(13);
        using var expected = empty(8, 2).uniform_(-1.0 / 8, 1.0 / 8);
        using var expectedNext = rand(1);

        Values(quantizer.Codebook).ShouldBe(Values(expected));
        Values(quantizer.EmbeddingSum!).ShouldBe(Values(expected));
        Values(quantizer.ClusterSize!).ShouldAllBe(v => v == 1f);
        Values(next).ShouldBe(Values(expectedNext));
    }

    [Fact]
    public void The_state_lives_on_the_owner_under_the_codebook_names()
    {
        using var ema = new Owner(o => Ema(deadCodeThreshold: 1, owner: o));
        using var gradient = new Owner(o => Gradient(deadCodeThreshold: 1, owner: o));
        using var gradientWithoutResets = new Owner(o => Gradient(owner: o));

        ema.state_dict().Keys.ShouldBe(["codebook", "codebook_cluster_size", "codebook_embedding_sum"]);
        gradient.state_dict().Keys.ShouldBe(["codebook", "codebook_usage"]);
        gradient.named_parameters().Select(p => p.name).ShouldBe(["codebook"]);
        gradientWithoutResets.state_dict().Keys.ShouldBe(["codebook"]);
        ema.Quantizer.state_dict().ShouldBeEmpty();
        ReferenceEquals(ema.get_buffer("codebook"), ema.Quantizer.Codebook).ShouldBeTrue();

        using var alone = Ema(deadCodeThreshold: 1);
        alone.state_dict().Keys.ShouldBe(["codebook", "codebook_cluster_size", "codebook_embedding_sum"]);
    }

    [Fact]
    public void Moving_the_owner_moves_the_state_the_quantizer_uses()
    {
        using var owner = new Owner(o => Ema(deadCodeThreshold: 1, owner: o));
        owner.to(ScalarType.Float64);
        using var z = tensor(Rows).reshape(4, 2).to(ScalarType.Float64);

        owner.train();
        var code = owner.Quantizer.forward(z);

        owner.Quantizer.training.ShouldBeTrue();
        code.Quantized.dtype.ShouldBe(ScalarType.Float64);
        owner.Quantizer.Codebook.dtype.ShouldBe(ScalarType.Float64);
        ReferenceEquals(owner.get_buffer("codebook_cluster_size"), owner.Quantizer.ClusterSize).ShouldBeTrue();
        owner.eval();
        owner.Quantizer.training.ShouldBeFalse();
    }

    [Fact]
    public void A_code_of_another_dimension_is_refused()
    {
        using var quantizer = Gradient();
        using var z = zeros(4, 3);

        Should.Throw<ArgumentException>(() => quantizer.forward(z)).Message
            .ShouldStartWith("The vector quantizer 'quantizer' takes codes [B, 2, …] (code vectors along axis 1), not [4, 3]");
    }

    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 1.0)]
    [InlineData(4, 0.0)]
    public void Settings_out_of_range_are_refused(long codes, double decay)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => VectorQuantizer.WithMovingAverages("q", null, codes, 2, 0.25, decay, 1e-5, 1));
    }
}
