using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using SkiaSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Imaging;

public sealed class ImageFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_header_claiming_an_absurd_size_is_refused_before_decoding()
    {
        // A BMP header for 20,000 × 20,000 pixels of 24 bits, with no pixel data behind it.
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), 54);      // file size
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);     // pixel data offset
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);     // BITMAPINFOHEADER
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 20_000); // width
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), 20_000); // height
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);      // planes
        System.Buffers.Binary.BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);     // bits per pixel
        var path = Path.Combine(_dir.Path, "huge.bmp");
        File.WriteAllBytes(path, bmp);

        var error = Should.Throw<ImageFileException>(() => ImageFile.Load(path, new ImageLayout(1, 28, 28)));
        error.Message.ShouldContain("20000×20000");
        error.Message.ShouldContain("megapixels");
    }

    [Fact]
    public void A_grayscale_png_from_our_encoder_loads_exactly()
    {
        var pixels = Enumerable.Range(0, 7 * 5).Select(i => (byte)(i * 37 % 256)).ToArray();
        var path = _dir.File("digit.png");
        File.WriteAllBytes(path, PngEncoder.Encode(pixels, 7, 5, PngColorType.Grayscale));

        using var image = ImageFile.Load(path, new ImageLayout(1, 5, 7), resize: false);

        image.shape.ShouldBe([1L, 5, 7]);
        image.dtype.ShouldBe(ScalarType.Float32);
        image.data<float>().ToArray().ShouldBe(pixels.Select(p => p / 255f).ToArray());
    }

    [Fact]
    public void Colour_becomes_grayscale_by_the_bt601_luma_and_grayscale_becomes_colour_by_replication_when_asked()
    {
        // Red, green, blue, white, one pixel each.
        byte[] rgb = [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255];
        var colourPath = _dir.File("rgb.png");
        File.WriteAllBytes(colourPath, PngEncoder.Encode(rgb, 4, 1, PngColorType.Rgb));
        var grayPath = _dir.File("gray.png");
        File.WriteAllBytes(grayPath, PngEncoder.Encode([0, 64, 128, 255], 4, 1, PngColorType.Grayscale));

        using var luma = ImageFile.Load(colourPath, new ImageLayout(1, 1, 4), convertChannels: true);
        using var colour = ImageFile.Load(colourPath, new ImageLayout(3, 1, 4));
        using var replicated = ImageFile.Load(grayPath, new ImageLayout(3, 1, 4), convertChannels: true);

        luma.data<float>().ToArray().ShouldBe([0.299f, 0.587f, 0.114f, 1f], tolerance: 1e-6);
        colour.shape.ShouldBe([3L, 1, 4]);
        colour[0].data<float>().ToArray().ShouldBe([1f, 0, 0, 1]);
        colour[2].data<float>().ToArray().ShouldBe([0f, 0, 1, 1]);
        float[] grey = [0f, 64 / 255f, 128 / 255f, 1f];
        for (var c = 0; c < 3; c++)
            replicated[c].data<float>().ToArray().ShouldBe(grey);
    }

    [Fact]
    public void Transparency_is_composited_over_black()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(3, 1, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        bitmap.SetPixel(0, 0, new SKColor(255, 255, 255, 0));   // transparent white
        bitmap.SetPixel(1, 0, new SKColor(255, 255, 255, 128)); // half-transparent white
        bitmap.SetPixel(2, 0, new SKColor(255, 255, 255, 255)); // opaque white
        var path = _dir.File("alpha.png");
        SaveWithSkia(bitmap, path, SKEncodedImageFormat.Png, 100);

        using var image = ImageFile.Load(path, new ImageLayout(1, 1, 3));

        image.data<float>().ToArray().ShouldBe([0f, 128 / 255f, 1f], tolerance: 1.5 / 255);
    }

    [Theory]
    [InlineData("smooth.jpg", SKEncodedImageFormat.Jpeg)]
    [InlineData("smooth.webp", SKEncodedImageFormat.Webp)]
    [InlineData("smooth.bmp", SKEncodedImageFormat.Bmp)]
    public void Jpeg_webp_and_bmp_files_written_by_skia_load_close_to_their_pixels(string name, SKEncodedImageFormat format)
    {
        const int size = 32;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 8), (byte)(y * 8), 128));
        var path = _dir.File(name);
        if (format == SKEncodedImageFormat.Bmp)
            File.WriteAllBytes(path, Bmp24(bitmap)); // Skia reads BMP but has no BMP encoder
        else
            SaveWithSkia(bitmap, path, format, 95);

        using var image = ImageFile.Load(path, new ImageLayout(3, size, size), resize: false);

        var red = image[0].data<float>().ToArray();
        var expectedRed = Enumerable.Range(0, size * size).Select(i => i % size * 8 / 255f).ToArray();
        red.Zip(expectedRed, (a, b) => Math.Abs(a - b)).Average().ShouldBeLessThan(0.02f);
        image[2].mean().item<float>().ShouldBe(128 / 255f, tolerance: 0.02);
    }

    [Fact]
    public void Shrinking_averages_instead_of_skipping_pixels()
    {
        // A one-pixel checkerboard shrunk 9×: each output pixel centre falls on a source pixel centre, so point or bilinear
        // sampling would give pure black or white; filtering over the whole footprint gives grey.
        var pixels = Enumerable.Range(0, 252 * 252).Select(i => (byte)((i % 252 + i / 252) % 2 * 255)).ToArray();
        var path = _dir.File("checker.png");
        File.WriteAllBytes(path, PngEncoder.Encode(pixels, 252, 252, PngColorType.Grayscale));

        using var image = ImageFile.Load(path, new ImageLayout(1, 28, 28), resize: true);

        image.shape.ShouldBe([1L, 28, 28]);
        image.min().item<float>().ShouldBeGreaterThan(0.4f);
        image.max().item<float>().ShouldBeLessThan(0.6f);
    }

    [Fact]
    public void Enlarging_keeps_a_flat_image_flat_and_values_in_range()
    {
        var path = _dir.File("small.png");
        File.WriteAllBytes(path, PngEncoder.Encode([0, 255, 255, 0], 2, 2, PngColorType.Grayscale));
        var flatPath = _dir.File("flat.png");
        File.WriteAllBytes(flatPath, PngEncoder.Encode(Enumerable.Repeat((byte)100, 9).ToArray(), 3, 3, PngColorType.Grayscale));

        using var image = ImageFile.Load(path, new ImageLayout(1, 8, 8), resize: true);
        using var flat = ImageFile.Load(flatPath, new ImageLayout(1, 7, 7), resize: true);

        image.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        image.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        image[0, 0, 0].item<float>().ShouldBeLessThan(0.2f);
        image[0, 0, 7].item<float>().ShouldBeGreaterThan(0.8f);
        flat.data<float>().ToArray().ShouldAllBe(v => Math.Abs(v - 100 / 255f) < 1e-6);
    }

    [Fact]
    public void A_wrong_size_is_never_resized_unless_asked_and_the_error_names_both_sizes()
    {
        var path = _dir.File("big.png");
        File.WriteAllBytes(path, PngEncoder.Encode(new byte[32 * 30], 32, 30, PngColorType.Grayscale));

        var error = Should.Throw<ImageFileException>(() => ImageFile.Load(path, new ImageLayout(1, 28, 28)));

        error.Message.ShouldBe($"{path}: is 32×30 (width×height) but the model takes 28×28; images are resized only when asked");
        error.Path.ShouldBe(path);
        error.Mismatch.ShouldBe(ImageMismatch.Size);
        Should.Throw<ImageFileException>(() => ImageFolder.Load(path, new ImageLayout(1, 28, 28))).Mismatch.ShouldBe(ImageMismatch.Size);
    }

    [Fact]
    public void Colour_and_grayscale_are_never_converted_unless_asked_and_the_error_names_both()
    {
        var colourPath = _dir.File("rgb.png");
        File.WriteAllBytes(colourPath, PngEncoder.Encode([255, 0, 0, 0, 255, 0], 2, 1, PngColorType.Rgb));
        var greyInRgbPath = _dir.File("grey-in-rgb.png");
        File.WriteAllBytes(greyInRgbPath, PngEncoder.Encode([9, 9, 9, 200, 200, 200], 2, 1, PngColorType.Rgb));

        var toGrey = Should.Throw<ImageFileException>(() => ImageFile.Load(colourPath, new ImageLayout(1, 1, 2)));
        toGrey.Message.ShouldBe(
            $"{colourPath}: is colour (3 channels, RGB) but the model takes grayscale (1 channel); colour and grayscale are converted only when asked");
        toGrey.Mismatch.ShouldBe(ImageMismatch.Channels);
        Should.Throw<ImageFileException>(() => ImageFile.LoadNative(greyInRgbPath, 3)).Message
            .ShouldContain("is grayscale (1 channel) but the model takes colour (3 channels, RGB)");

        // An RGB file whose pixels are all grey is a grayscale image: nothing to convert.
        using var grey = ImageFile.Load(greyInRgbPath, new ImageLayout(1, 1, 2));
        grey.data<float>().ToArray().ShouldBe([9 / 255f, 200 / 255f]);
    }

    [Fact]
    public void LoadNative_keeps_a_photos_own_size_and_colour()
    {
        var photos = Path.Combine(RepoPaths.Root, "samples", "photos");

        using var chelsea = ImageFile.LoadNative(Path.Combine(photos, "chelsea.png"), 3);
        using var camera = ImageFile.LoadNative(Path.Combine(photos, "camera.png"), 1);
        using var cameraAsColour = ImageFile.LoadNative(Path.Combine(photos, "camera.png"), 3, convertChannels: true);

        chelsea.shape.ShouldBe([3L, 300, 451]);
        camera.shape.ShouldBe([1L, 512, 512]);
        cameraAsColour.shape.ShouldBe([3L, 512, 512]);
        cameraAsColour[2].eq(camera[0]).all().item<bool>().ShouldBeTrue();
        // Its own pixels, not a resampling: the colour channels differ.
        chelsea[0].eq(chelsea[2]).all().item<bool>().ShouldBeFalse();
        Should.Throw<ImageFileException>(() => ImageFile.LoadNative(Path.Combine(photos, "chelsea.png"), 1)).Mismatch.ShouldBe(ImageMismatch.Channels);
    }

    [Fact]
    public void A_truncated_file_is_reported_as_damaged()
    {
        var pixels = Enumerable.Range(0, 64 * 64).Select(i => (byte)(i * 7919 % 251)).ToArray();
        var png = PngEncoder.Encode(pixels, 64, 64, PngColorType.Grayscale);
        var path = _dir.File("cut.png");
        File.WriteAllBytes(path, png[..(png.Length / 2)]);

        var error = Should.Throw<ImageFileException>(() => ImageFile.Load(path, new ImageLayout(1, 64, 64)));

        error.Message.ShouldStartWith($"{path}: ");
        error.Message.ShouldContain("damaged or truncated");
    }

    [Fact]
    public void A_text_file_named_png_is_not_an_image()
    {
        var path = _dir.File("notes.png");
        File.WriteAllText(path, "these are notes, not pixels\n");

        var error = Should.Throw<ImageFileException>(() => ImageFile.Load(path, new ImageLayout(1, 28, 28)));

        error.Message.ShouldStartWith($"{path}: not a PNG, JPEG, WebP or BMP image");
    }

    [Fact]
    public void Missing_empty_and_unsupported_files_say_so()
    {
        var layout = new ImageLayout(1, 28, 28);
        var empty = _dir.File("empty.png");
        File.WriteAllBytes(empty, []);
        var gif = _dir.File("anim.gif");
        File.WriteAllBytes(gif, PngEncoder.Encode([0], 1, 1, PngColorType.Grayscale));

        Should.Throw<ImageFileException>(() => ImageFile.Load(_dir.File("absent.png"), layout)).Message.ShouldEndWith(": no such file");
        Should.Throw<ImageFileException>(() => ImageFile.Load(empty, layout)).Message.ShouldEndWith(": the file is empty");
        Should.Throw<ImageFileException>(() => ImageFile.Load(gif, layout)).Message
            .ShouldBe($"{gif}: unsupported extension '.gif' (expected .png, .jpg, .jpeg, .webp, .bmp)");
        Should.Throw<ImageFileException>(() => ImageFile.Load(_dir.Path, layout)).Message.ShouldEndWith(": is a folder, not an image file");
    }

    [Fact]
    public void SavePng_writes_what_Load_reads_and_replaces_an_existing_file_atomically()
    {
        using var gray = tensor(new float[] { 0f, 0.5f, 1f, 2f, -1f, float.NaN }).reshape(1, 2, 3);
        using var rgb = linspace(0, 1, 3 * 4 * 5).reshape(3, 4, 5);
        var grayPath = _dir.File("out/gray.png");
        var rgbPath = _dir.File("out/rgb.png");
        Directory.CreateDirectory(_dir.File("out"));
        File.WriteAllText(grayPath, "old contents");

        ImageFile.SavePng(gray, grayPath);
        ImageFile.SavePng(rgb, rgbPath);

        var written = PngReader.Decode(File.ReadAllBytes(grayPath));
        written.ColorType.ShouldBe((byte)0);
        written.Pixels.ShouldBe(new byte[] { 0, 128, 255, 255, 0, 0 });
        using var rgbBack = ImageFile.Load(rgbPath, new ImageLayout(3, 4, 5), resize: false);
        rgbBack.sub(rgb).abs().max().item<float>().ShouldBeLessThanOrEqualTo(0.5f / 255 + 1e-6f);
        Directory.GetFiles(_dir.File("out")).Select(Path.GetFileName).Order().ShouldBe(["gray.png", "rgb.png"]);
        Should.Throw<ArgumentException>(() => ImageFile.SavePng(zeros(2, 4, 4), _dir.File("two.png")));
    }

    // A 24-bit uncompressed BMP: file header, BITMAPINFOHEADER, rows bottom-up in BGR padded to 4 bytes.
    private static byte[] Bmp24(SKBitmap bitmap)
    {
        var stride = (bitmap.Width * 3 + 3) / 4 * 4;
        var file = new byte[54 + stride * bitmap.Height];
        file[0] = (byte)'B';
        file[1] = (byte)'M';
        BitConverter.GetBytes(file.Length).CopyTo(file, 2);
        BitConverter.GetBytes(54).CopyTo(file, 10);
        BitConverter.GetBytes(40).CopyTo(file, 14);
        BitConverter.GetBytes(bitmap.Width).CopyTo(file, 18);
        BitConverter.GetBytes(bitmap.Height).CopyTo(file, 22);
        BitConverter.GetBytes((short)1).CopyTo(file, 26);
        BitConverter.GetBytes((short)24).CopyTo(file, 28);
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var colour = bitmap.GetPixel(x, y);
                var at = 54 + (bitmap.Height - 1 - y) * stride + x * 3;
                (file[at], file[at + 1], file[at + 2]) = (colour.Blue, colour.Green, colour.Red);
            }

        return file;
    }

    internal static void SaveWithSkia(SKBitmap bitmap, string path, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"Skia cannot write {format}.");
        File.WriteAllBytes(path, data.ToArray());
    }
}
