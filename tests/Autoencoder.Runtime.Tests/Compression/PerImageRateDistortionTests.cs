using System.Linq;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Compression.RateDistortion;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>Photos of mixed sizes: each image's bits over its own H·W, means over images, one row per codec and image.</summary>
public sealed class PerImageRateDistortionTests
{
    [Fact]
    public void Each_image_is_rated_by_its_own_pixels_and_the_point_is_the_mean_over_images()
    {
        using var generator = new Generator(11);
        // 8-bit values, as image files hold them: PNG then gives them back exactly.
        Tensor[] images = [EightBit(randint(256, [3, 24, 40], generator: generator)), EightBit(randint(256, [3, 33, 17], generator: generator))];
        var png = new PngCodec(channels: 3);
        var jpeg = BaselineCodecs.Standard(3).First(c => c.Name == "JPEG q=50");

        var result = PerImageRateDistortion.Evaluate(
            [RateDistortionEntry.For(png), RateDistortionEntry.For(jpeg)], ["a.png", "b.png"], i => images[i].alias(), channels: 3);

        result.Images.Count.ShouldBe(4);
        var pngRows = result.Images.Where(r => r.Codec == png.Name).ToArray();
        pngRows.Select(r => (r.Image, r.Width, r.Height)).ShouldBe([("a.png", 40, 24), ("b.png", 17, 33)]);
        for (var i = 0; i < 2; i++)
        {
            pngRows[i].Bytes.ShouldBe(png.Encode(images[i]).Length);
            pngRows[i].BitsPerPixel.ShouldBe(8.0 * pngRows[i].Bytes / (pngRows[i].Width * pngRows[i].Height), 1e-12);
            pngRows[i].Psnr.ShouldBe(RateDistortionEvaluator.LosslessPsnr, 1e-9);
        }

        var point = result.Report.Points[0];
        point.BitsPerPixel.ShouldBe(pngRows.Average(r => r.BitsPerPixel), 1e-12);
        point.MeanBytes.ShouldBe(pngRows.Average(r => (double)r.Bytes), 1e-9);
        result.Report.Points[1].MeanPsnr.ShouldBeLessThan(40);
        (result.Report.Height, result.Report.Width).ShouldBe((0, 0));
        result.Report.ImageShape.ShouldBe("3 channels, mixed sizes");
        result.ToCsv().Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(5);
        foreach (var image in images)
            image.Dispose();
    }

    private static Tensor EightBit(Tensor levels)
    {
        using (levels)
        using (var divisor = tensor(255f))
            return levels.to_type(ScalarType.Float32).div(divisor);
    }
}
