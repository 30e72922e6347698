using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Imaging;

public sealed class ImageFolderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Loads_the_images_of_a_folder_sorted_by_name_and_skips_other_files()
    {
        File.WriteAllBytes(_dir.File("b.png"), PngEncoder.Encode(Enumerable.Repeat((byte)200, 16).ToArray(), 4, 4, PngColorType.Grayscale));
        using (var bitmap = new SKBitmap(new SKImageInfo(8, 8, SKColorType.Rgba8888, SKAlphaType.Opaque)))
        {
            bitmap.Erase(new SKColor(50, 50, 50));
            ImageFileTests.SaveWithSkia(bitmap, _dir.File("a.JPG"), SKEncodedImageFormat.Jpeg, 90);
        }

        File.WriteAllText(_dir.File("readme.txt"), "not an image");
        Directory.CreateDirectory(_dir.File("nested.png"));

        var loaded = ImageFolder.Load(_dir.Path, new ImageLayout(1, 4, 4), resize: true, convertChannels: true);

        using var images = loaded.Images;
        loaded.Paths.Select(Path.GetFileName).ShouldBe(["a.JPG", "b.png"]);
        images.shape.ShouldBe([2L, 1, 4, 4]);
        images[0].mean().item<float>().ShouldBe(50 / 255f, tolerance: 0.02);
        images[1].mean().item<float>().ShouldBe(200 / 255f, tolerance: 1e-6);
    }

    [Fact]
    public void A_limit_keeps_the_first_files_and_never_opens_the_rest()
    {
        var pixels = Enumerable.Repeat((byte)90, 16).ToArray();
        File.WriteAllBytes(_dir.File("a.png"), PngEncoder.Encode(pixels, 4, 4, PngColorType.Grayscale));
        File.WriteAllBytes(_dir.File("b.png"), PngEncoder.Encode(pixels, 4, 4, PngColorType.Grayscale));
        File.WriteAllText(_dir.File("c.png"), "damaged, but past the limit");

        var loaded = ImageFolder.Load(_dir.Path, new ImageLayout(1, 4, 4), maxCount: 2);

        using var images = loaded.Images;
        loaded.Paths.Select(Path.GetFileName).ShouldBe(["a.png", "b.png"]);
        images.shape.ShouldBe([2L, 1, 4, 4]);
        Should.Throw<ImageFileException>(() => ImageFolder.Load(_dir.Path, new ImageLayout(1, 4, 4))).Message.ShouldContain("c.png");
    }

    [Fact]
    public void LoadNative_keeps_each_image_at_its_own_size_in_name_order()
    {
        File.WriteAllBytes(_dir.File("wide.png"), PngEncoder.Encode(new byte[7 * 3], 7, 3, PngColorType.Grayscale));
        File.WriteAllBytes(_dir.File("tall.png"), PngEncoder.Encode(new byte[2 * 5], 2, 5, PngColorType.Grayscale));
        File.WriteAllBytes(_dir.File("zz.png"), PngEncoder.Encode(new byte[4 * 4], 4, 4, PngColorType.Grayscale));

        using var loaded = ImageFolder.LoadNative(_dir.Path, 1, maxCount: 2);

        loaded.Paths.Select(Path.GetFileName).ShouldBe(["tall.png", "wide.png"]);
        loaded.Images.Select(image => image.shape).ShouldBe([[1L, 5, 2], [1L, 3, 7]]);
        Should.Throw<ImageFileException>(() => ImageFolder.LoadNative(_dir.Path, 3)).Mismatch.ShouldBe(ImageMismatch.Channels);
    }

    [Fact]
    public void Loads_one_file_given_by_path()
    {
        var path = _dir.File("one.png");
        File.WriteAllBytes(path, PngEncoder.Encode(new byte[9], 3, 3, PngColorType.Grayscale));

        var loaded = ImageFolder.Load(path, new ImageLayout(3, 3, 3), convertChannels: true);

        using var images = loaded.Images;
        images.shape.ShouldBe([1L, 3, 3, 3]);
        loaded.Paths.ShouldBe([path]);
    }

    [Fact]
    public void An_empty_folder_a_missing_path_and_a_bad_file_are_errors_naming_the_path()
    {
        var layout = new ImageLayout(1, 4, 4);
        var empty = _dir.File("empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "no images here");
        var mixed = _dir.File("mixed");
        Directory.CreateDirectory(mixed);
        File.WriteAllBytes(Path.Combine(mixed, "a.png"), PngEncoder.Encode(new byte[16], 4, 4, PngColorType.Grayscale));
        File.WriteAllText(Path.Combine(mixed, "b.png"), "text");

        Should.Throw<ImageFileException>(() => ImageFolder.Load(empty, layout)).Message
            .ShouldBe($"{empty}: the folder has no image files (.png, .jpg, .jpeg, .webp, .bmp)");
        Should.Throw<ImageFileException>(() => ImageFolder.Load(_dir.File("absent"), layout)).Message
            .ShouldEndWith("absent: no such file or folder");
        Should.Throw<ImageFileException>(() => ImageFolder.Load(mixed, layout)).Path.ShouldBe(Path.Combine(mixed, "b.png"));
    }
}
