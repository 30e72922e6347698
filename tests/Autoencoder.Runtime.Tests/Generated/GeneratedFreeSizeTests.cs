using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Generated models of free height and width, run by TorchSharp: any multiple goes through <c>forward</c>, any size through
/// <c>Reconstruct</c> (padded and cropped back), the geometry reaches code that is generic over models, and such a model learns.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedFreeSizeTests
{
    [Fact]
    public void The_geometry_is_the_generated_multiple_and_minimum()
    {
        FreePhotoModel.SizeMultiple.ShouldBe(4);
        FreePhotoModel.MinimumHeight.ShouldBe(4);
        FreePhotoModel.InputShape.ShouldBe(new long[] { 3, -1, -1 });
        FreePhotoModel.CodeShape.ShouldBe(new long[] { 16, -1, -1 });
        GeometryOf<FreePhotoModel>().ShouldBe(ImageGeometry.Free(3, 4, 4, 4));
        GeometryOf<ConvMnistModel>().ShouldBe(ImageGeometry.Fixed(1, 28, 28));
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(12, 20)]
    [InlineData(64, 36)]
    public void Forward_takes_every_multiple(int height, int width)
    {
        using var model = new FreePhotoModel();
        using var input = rand(2, 3, height, width);

        using var code = model.Encode(input);
        using var output = model.forward(input);

        code.shape.ShouldBe(new long[] { 2, 16, height / 4, width / 4 });
        output.shape.ShouldBe(new long[] { 2, 3, height, width });
    }

    [Theory]
    [InlineData(23, 37)]
    [InlineData(1, 2)]
    [InlineData(5, 4)]
    public void Reconstruct_takes_any_size_and_is_forward_on_the_padded_image_cropped_back(int height, int width)
    {
        using var model = new FreePhotoModel();
        using var input = rand(1, 3, height, width);

        using var reconstruction = model.Reconstruct(input);

        reconstruction.shape.ShouldBe(new long[] { 1, 3, height, width });
        var (paddedHeight, paddedWidth) = FreePhotoModel.Geometry.Padded(height, width);
        using var padded = AnySize.Pad(input, paddedHeight, paddedWidth);
        using var whole = model.forward(padded);
        using var expected = AnySize.Crop(whole, height, width);
        Identical(reconstruction, expected).ShouldBeTrue();
    }

    [Fact]
    public void Tiled_reconstruction_is_within_float_rounding_of_the_whole()
    {
        using var model = new FreePhotoModel();
        model.eval();
        using var image = rand(3, 130, 150);

        using var tiled = model.ReconstructTiled(image, new TileOptions { TileSize = 64, Overlap = 32 });
        using var batch = image.unsqueeze(0);
        using var whole = model.Reconstruct(batch);

        tiled.shape.ShouldBe(new long[] { 3, 130, 150 });
        using var difference = (tiled - whole.squeeze(0)).abs().max();
        difference.item<float>().ShouldBeLessThan(1e-5f);
    }

    [Fact]
    public void A_free_codec_gives_back_each_image_at_its_own_size()
    {
        using var model = new FreeCodecModel();
        var codec = model.CreateCodec();
        using var tall = rand(3, 37, 22);
        using var wide = rand(3, 9, 41);

        var streams = codec.EncodeBatch(new[] { tall, wide });
        var images = codec.DecodeEach(streams);

        images[0].shape.ShouldBe(new long[] { 3, 37, 22 });
        images[1].shape.ShouldBe(new long[] { 3, 9, 41 });
        foreach (var image in images)
            image.Dispose();
    }

    [Theory]
    [InlineData(6, 10)]
    [InlineData(2, 2)]
    public void Free_pixel_shuffles_are_torchs_on_any_even_size(int height, int width)
    {
        using var model = new FreePixelModel();
        using var unshuffle = nn.PixelUnshuffle(2);
        using var input = randn(3, 2, height, width);

        using var code = model.Encode(input);
        using var expected = unshuffle.forward(input);
        using var roundTrip = model.forward(input);

        Identical(code, expected).ShouldBeTrue();
        Identical(roundTrip, input).ShouldBeTrue();
    }

    [Fact]
    public void A_free_model_learns_on_patches()
    {
        // Smooth colour patches: each channel a grey digit-like image from the synthetic set, 16×16.
        using var grey = SyntheticImages.Create(192, seed: 5).reshape(64, 3, 8, 8);
        using var train = nn.functional.interpolate(grey, size: new long[] { 16, 16 }, mode: InterpolationMode.Bilinear);
        var trainer = FreePhotoModel.Trainer.Create();
        var before = trainer.EvaluateLoss(train);

        var report = trainer.Fit(train);

        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        trainer.EvaluateLoss(train).ShouldBeLessThan(before * 0.5);
    }

    [Fact]
    public void A_free_model_learns_from_an_image_folder_through_the_generated_fit()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "free-fit-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            Data.Streaming.ImageFolders.Write(folder, count: 32, width: 40, height: 30, seed: 3);
            var trainer = FreePhotoModel.Trainer.Create(new FreePhotoModel.TrainingOptions { PatchSize = 16, FlipHorizontal = true, Epochs = 10, BatchSize = 8 });
            var source = trainer.ImageFolder(folder);
            source.SampleShape.ShouldBe(new long[] { 3, 16, 16 });
            ((ITrainer<FreePhotoModel>)trainer).ImageFolder(folder).ShouldNotBeNull();

            var report = trainer.Fit(folder, validationFolder: folder);

            report.Epochs.Count.ShouldBe(10);
            report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss * 0.7);
            report.Epochs.Last().ValidationLoss!.Value.ShouldBeLessThan(report.Epochs.First().ValidationLoss!.Value);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_model_that_reads_no_folders_says_so_through_the_interface()
    {
        var trainer = ConvMnistModel.Trainer.Create(new ConvMnistModel.TrainingOptions { Epochs = 1 });

        ((ITrainer<ConvMnistModel>)trainer).ImageFolder("anywhere").ShouldBeNull();
    }

    private static bool Identical(Tensor actual, Tensor expected)
        => actual.shape.SequenceEqual(expected.shape) && actual.eq(expected).all().item<bool>();

    private static ImageGeometry? GeometryOf<TModel>()
        where TModel : nn.Module, IAutoencoder<TModel> => TModel.Geometry;
}
