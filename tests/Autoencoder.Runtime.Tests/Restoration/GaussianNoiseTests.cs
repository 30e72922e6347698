using Autoencoder.Runtime.Corruption;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Restoration;

/// <summary>Gaussian noise: clipped to [0, 1] as a saved image would be, or as drawn, as the denoising benchmarks add it.</summary>
public class GaussianNoiseTests
{
    [Fact]
    public void Unclipped_noise_keeps_values_outside_the_range_with_the_drawn_spread()
    {
        using var images = full(new long[] { 4, 1, 64, 64 }, 0.5f);
        using var first = new Generator(3);
        using var second = new Generator(3);

        using var clipped = ImageCorruption.Gaussian(images, 0.4, first);
        using var raw = ImageCorruption.Gaussian(images, 0.4, second, clip: false);

        clipped.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        clipped.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        raw.min().item<float>().ShouldBeLessThan(0f);
        raw.max().item<float>().ShouldBeGreaterThan(1f);
        using var noise = raw - images;
        noise.std().item<float>().ShouldBe(0.4f, 0.02f);
        // The same draws: where the raw value lies in [0, 1], clipping left it alone.
        using var inside = raw.ge(0.0).logical_and(raw.le(1.0));
        using var agree = clipped.masked_select(inside).eq(raw.masked_select(inside)).all();
        agree.item<bool>().ShouldBeTrue();
    }
}
