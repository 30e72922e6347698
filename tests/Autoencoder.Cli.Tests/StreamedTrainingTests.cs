using System;
using System.IO;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Tests;

/// <summary>
/// <c>train</c> on a folder of photos with a model of free size: the folder is streamed in random patches, <c>--steps</c>
/// ends the run, and a folder that cannot serve (too small, MNIST) is a one-line error.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class StreamedTrainingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cli-streamed-" + Guid.NewGuid().ToString("N"));

    public StreamedTrainingTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void Photo_denoiser_trains_the_given_steps_on_a_streamed_folder_and_saves_its_model()
    {
        var photos = Photos("photos", count: 3, width: 300, height: 270);
        var model = Path.Combine(_root, "denoise.aem");

        var result = CliResult.Run("train", "photo-denoise", "--data", photos, "--steps", "2", "--batch-size", "2", "--patches-per-image", "1", "--out", model).ShouldSucceed();

        result.Out.ShouldContain("on 3 images of " + photos + ", streamed: random 48x48 patches, 2 steps");
        result.Out.ShouldContain("3 patches in"); // two steps: a batch of 2 and the epoch's last image
        result.Out.ShouldContain("waiting for data");
        File.Exists(model).ShouldBeTrue();
    }

    [Fact]
    public void Patches_per_image_make_an_epoch_of_several_patches_from_each_photo()
    {
        var photos = Photos("few", count: 2, width: 300, height: 270);
        var model = Path.Combine(_root, "few.aem");

        var result = CliResult.Run("train", "photo-denoise", "--data", photos, "--patches-per-image", "3", "--epochs", "1", "--batch-size", "4", "--out", model).ShouldSucceed();

        result.Out.ShouldContain("on 2 images of " + photos + ", streamed: random 48x48 patches, 3 an image each epoch");
        result.Out.ShouldContain("6 patches in"); // one epoch: batches of 4 and 2
        CliResult.Run("train", "photo-denoise", "--data", photos, "--patches-per-image", "0").ShouldFailWithOneLine().ShouldContain("--patches-per-image");
    }

    [Fact]
    public void Bfloat16_steps_train_a_model_file_of_float32_weights()
    {
        var photos = Photos("half", count: 2, width: 300, height: 270);
        var model = Path.Combine(_root, "half.aem");

        var result = CliResult.Run("train", "photo-denoise", "--data", photos, "--precision", "bfloat16", "--steps", "2", "--batch-size", "2", "--out", model).ShouldSucceed();

        result.Out.ShouldContain("2 steps, steps in bfloat16 (float32 weights)");
        CliResult.Run("denoise", photos, "-m", model, "--out", Path.Combine(_root, "half-denoised")).ShouldSucceed();
        CliResult.Run("train", "photo-denoise", "--data", photos, "--precision", "half").ShouldFailWithOneLine().ShouldContain("--precision takes float32 or bfloat16, got 'half'");
    }

    [Fact]
    public void A_folder_of_photos_smaller_than_a_patch_is_a_one_line_error_naming_the_file()
    {
        var photos = Photos("small", count: 1, width: 40, height: 30);

        var error = CliResult.Run("train", "photo-denoise", "--data", photos, "--steps", "1", "--out", Path.Combine(_root, "x.aem")).ShouldFailWithOneLine();

        error.ShouldContain("img000.png");
        File.Exists(Path.Combine(_root, "x.aem")).ShouldBeFalse();
    }

    [Fact]
    public void A_photo_model_is_not_trained_on_mnist()
    {
        var error = CliResult.Run("train", "photo-codec", "--data", Path.Combine("data", "mnist"), "--steps", "1").ShouldFailWithOneLine();

        error.ShouldContain("takes colour photos of any size and trains on a folder of them");
    }

    private string Photos(string name, int count, int width, int height)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        using var generator = new Generator(5);
        for (var i = 0; i < count; i++)
        {
            using var image = rand(new long[] { 3, height, width }, generator: generator);
            ImageFile.SavePng(image, Path.Combine(folder, $"img{i:D3}.png"));
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
