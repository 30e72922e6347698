using System;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Metrics;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Features;

public sealed class ErrorHeatMapTests
{
    [Fact]
    public void No_error_is_black_an_error_at_full_scale_is_white_and_half_of_it_is_orange()
    {
        using var image = zeros(3, 2, 3);
        using var reconstruction = zeros(3, 2, 3);
        reconstruction[.., 0, 1] = tensor(0.25f);  // full scale: white
        reconstruction[.., 1, 2] = tensor(0.125f); // half: red full, green half, no blue

        using var map = ErrorHeatMap.Draw(image, reconstruction);

        map.shape.ShouldBe([3, 2, 3]);
        map[.., 0, 0].data<float>().ToArray().ShouldBe([0f, 0f, 0f]);
        map[.., 0, 1].data<float>().ToArray().ShouldBe([1f, 1f, 1f]);
        map[.., 1, 2].data<float>().ToArray().ShouldBe([1f, 0.5f, 0f], tolerance: 1e-6f);
        ReconstructionMetrics.Mse(image.unsqueeze(0), reconstruction.unsqueeze(0)).ShouldBe((0.25 * 0.25 + 0.125 * 0.125) * 3 / 18, 1e-9);
    }

    [Fact]
    public void Images_of_different_shapes_are_refused()
    {
        using var image = zeros(3, 2, 3);
        using var other = zeros(3, 3, 2);

        Should.Throw<ArgumentException>(() => ErrorHeatMap.Draw(image, other));
    }
}
