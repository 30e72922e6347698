using System.IO;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>A real colour photograph (samples/photos) through a small free-size codec, at its own size and colour.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class PhotoCodecTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static string Photo(string name) => Path.Combine(RepoPaths.Root, "samples", "photos", name);

    [Fact]
    public void A_colour_photo_trains_a_few_steps_and_comes_back_at_its_own_size_and_colour()
    {
        using var photo = ImageFile.LoadNative(Photo("chelsea.png"), 3);   // 451×300, not a multiple of 4 either way
        using var model = TinyConvCodec.Create(3, seed: 31);
        using var batch = photo.unsqueeze(0);
        var (paddedHeight, paddedWidth) = model.Geometry.Padded(300, 451);
        using var padded = AnySize.Pad(batch, paddedHeight, paddedWidth);

        using var optimizer = optim.Adam(model.parameters(), lr: 0.01);
        double first = 0, last = 0;
        model.train();
        for (var step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = model.Loss(padded, lambda: 0.01);
            loss.backward();
            optimizer.step();
            last = loss.item<float>();
            if (step == 0)
                first = last;
        }

        last.ShouldBeLessThan(0.7 * first);

        var codec = model.CreateCodec();
        var stream = codec.Encode(photo);
        using var restored = codec.Decode(stream);
        var (bytes, bitsPerPixel, psnr) = codec.Evaluate([photo]);

        output.WriteLine($"loss {first:F4} -> {last:F4}; stream {stream.Length} bytes, {bitsPerPixel:F3} bpp, PSNR {psnr:F2} dB");
        restored.shape.ShouldBe(new long[] { 3, 300, 451 });
        // Recorded after the header as varints: 3 channels, 300 high, 451 wide, 2 code axes of 75 and 113 (452 / 4).
        stream[LearnedCodec.HeaderLength..(LearnedCodec.HeaderLength + 8)].ShouldBe(new byte[] { 3, 0xAC, 0x02, 0xC3, 0x03, 2, 75, 113 });
        // Colour survives: the restored channels differ as the photo's do.
        restored[0].sub(restored[2]).abs().mean().item<float>().ShouldBeGreaterThan(0.01f);
        bytes.ShouldBe(stream.Length);
        bitsPerPixel.ShouldBe(stream.Length * 8.0 / (300 * 451), tolerance: 1e-12);
        double.IsFinite(psnr).ShouldBeTrue();
        psnr.ShouldBeGreaterThan(10);   // sanity only: a barely trained net, above a flat guess's range
    }
}
