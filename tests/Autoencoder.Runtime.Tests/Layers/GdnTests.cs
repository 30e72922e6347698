using System;
using System.Linq;
using Autoencoder.Runtime.Layers;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Layers;

/// <summary>GDN and IGDN against the formula computed directly in doubles, and the bound that keeps their parameters positive.</summary>
public sealed class GdnTests
{
    private const double Pedestal = 1.0 / (1L << 36);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_channel_is_divided_or_multiplied_by_the_root_of_beta_plus_gamma_weighted_squares(bool inverse)
    {
        using var generator = new Generator(3);
        using var gdn = new Gdn("gdn", 3, inverse);
        // Stored parameters above their bounds: the values the layer uses are then exactly p² − ε.
        using (no_grad())
        {
            Stored(gdn, "beta").copy_(rand(new long[] { 3 }, generator: generator).add_(0.5));
            Stored(gdn, "gamma").copy_(rand(new long[] { 3, 3 }, generator: generator).mul_(0.5).add_(0.01));
        }

        using var input = randn(new long[] { 2, 3, 4, 5 }, generator: generator);
        using var output = gdn.forward(input);

        var x = input.to_type(ScalarType.Float64).data<double>().ToArray();
        var p = Stored(gdn, "beta").to_type(ScalarType.Float64).data<double>().ToArray();
        var q = Stored(gdn, "gamma").to_type(ScalarType.Float64).data<double>().ToArray();
        var y = output.to_type(ScalarType.Float64).data<double>().ToArray();
        int At(int b, int c, int h, int w) => ((b * 3 + c) * 4 + h) * 5 + w;
        for (var index = 0; index < y.Length; index++)
        {
            int w = index % 5, h = index / 5 % 4, c = index / 20 % 3, b = index / 60;
            var norm = p[c] * p[c] - Pedestal;
            for (int j = 0; j < 3; j++)
                norm += (q[c * 3 + j] * q[c * 3 + j] - Pedestal) * x[At(b, j, h, w)] * x[At(b, j, h, w)];
            var expected = inverse ? x[index] * Math.Sqrt(norm) : x[index] / Math.Sqrt(norm);
            y[index].ShouldBe(expected, 1e-5 * Math.Max(1, Math.Abs(expected)));
        }
    }

    [Fact]
    public void A_new_layer_starts_at_beta_one_and_gamma_a_tenth_of_the_identity()
    {
        using var gdn = new Gdn("gdn", 2);

        using var beta = gdn.Beta();
        using var gamma = gdn.Gamma();

        beta.data<float>().ToArray().ShouldBe([1f, 1f], tolerance: 1e-6f);
        gamma.data<float>().ToArray().ShouldBe([0.1f, 0f, 0f, 0.1f], tolerance: 1e-6f);
        gdn.named_parameters().Select(p => p.name).ShouldBe(["beta", "gamma"]);
    }

    [Fact]
    public void Parameters_pushed_below_their_bounds_keep_the_floor_and_the_gradient_that_lifts_them()
    {
        using var gdn = new Gdn("gdn", 1);
        using (no_grad())
            Stored(gdn, "beta").fill_(-3.0);

        using var beta = gdn.Beta();
        beta.item<float>().ShouldBe((float)Gdn.BetaMinimum, 1e-9f);

        // Descent on −β would raise it: that gradient passes. Descent on +β would lower it further: that one stops.
        using (var up = gdn.Beta().neg().sum())
            up.backward();
        Stored(gdn, "beta").grad!.item<float>().ShouldBeLessThan(0f);
        gdn.zero_grad();
        using (var down = gdn.Beta().sum())
            down.backward();
        Stored(gdn, "beta").grad!.item<float>().ShouldBe(0f);
    }

    [Fact]
    public void A_layer_moved_to_another_type_uses_its_new_parameters()
    {
        using var gdn = new Gdn("gdn", 2);
        using var input = randn(1, 2, 3, 3, ScalarType.Float64);

        gdn.to(ScalarType.Float64);   // replaces the parameters, as .to(device) does
        using var output = gdn.forward(input);

        output.dtype.ShouldBe(ScalarType.Float64);
        Stored(gdn, "beta").dtype.ShouldBe(ScalarType.Float64);
    }

    [Fact]
    public void An_input_that_is_not_an_image_of_its_channels_is_refused()
    {
        using var gdn = new Gdn("gdn", 3);
        using var wrong = zeros(2, 4, 5, 5);

        Should.Throw<ArgumentException>(() => gdn.forward(wrong)).Message.ShouldContain("[B, 3, H, W]");
    }

    private static TorchSharp.Modules.Parameter Stored(Gdn gdn, string name) =>
        gdn.get_parameter(name) ?? throw new InvalidOperationException($"GDN has no parameter '{name}'.");
}
