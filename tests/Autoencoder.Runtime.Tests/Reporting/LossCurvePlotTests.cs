using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Tests.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Reporting;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class LossCurvePlotTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_real_run_ends_with_a_valid_png_of_the_requested_size()
    {
        using var run = new TinyRun();
        var path = _temp.File("plots/loss.png");
        var plot = new LossCurvePlot(path, "TinyAutoencoder", width: 640, height: 400);
        var existedDuringTraining = false;
        var probe = new RecordingObserver { AfterEpoch = _ => existedDuringTraining |= File.Exists(path) };

        var report = run.Fit(new CompositeObserver(plot, probe), epochs: 4);

        report.FinalTrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        existedDuringTraining.ShouldBeFalse(); // drawn once, at the end
        var png = PngReader.Decode(File.ReadAllBytes(path)); // checks signature, chunk CRCs, zlib data and filters
        png.Width.ShouldBe(640);
        png.Height.ShouldBe(400);
        // Not a blank canvas: background, grid, two curves and text give many colours.
        Enumerable.Range(0, png.Width * png.Height).Select(i => Convert.ToHexString(png.Pixel(i % png.Width, i / png.Width)))
            .Distinct().Count().ShouldBeGreaterThan(10);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldHaveSingleItem(); // no temporary file left behind
    }

    [Fact]
    public void A_run_without_epochs_writes_nothing_and_saving_it_directly_is_an_error()
    {
        var path = _temp.File("loss.png");
        var empty = new TrainingReport([], TimeSpan.Zero, cancelled: true);

        new LossCurvePlot(path).OnTrainingEnd(empty);

        File.Exists(path).ShouldBeFalse();
        Should.Throw<ArgumentException>(() => LossCurvePlot.Save(empty, path));
    }
}
