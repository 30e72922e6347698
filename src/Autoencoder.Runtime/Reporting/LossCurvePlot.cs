using System;
using System.Linq;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Training;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// Draws the training and (when there is one) validation loss per epoch as a PNG with ScottPlot, when the run
/// ends; a run that completed no epoch writes nothing.
/// </summary>
public sealed class LossCurvePlot : ITrainingObserver
{
    private readonly string _path;
    private readonly string _title;
    private readonly int _width;
    private readonly int _height;

    /// <param name="path">The PNG file; its directory is created and the file replaced atomically.</param>
    /// <param name="title">Shown above the plot.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public LossCurvePlot(string path, string title = "Loss", int width = 800, int height = 500)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        _path = path;
        _title = title;
        _width = width;
        _height = height;
    }

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
    }

    /// <inheritdoc />
    public void OnTrainingEnd(TrainingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Epochs.Count > 0)
        {
            Save(report, _path, _title, _width, _height);
        }
    }

    /// <summary>Writes the loss curves of <paramref name="report"/>, which must hold at least one epoch.</summary>
    public static void Save(TrainingReport report, string path, string title = "Loss", int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (report.Epochs.Count == 0)
        {
            throw new ArgumentException("The report has no completed epoch to plot.", nameof(report));
        }

        var epochs = report.Epochs.Select(e => (double)e.Epoch).ToArray();
        using var plot = new Plot();
        var train = plot.Add.Scatter(epochs, report.Epochs.Select(e => e.TrainLoss).ToArray());
        train.LegendText = "train";
        if (report.Epochs.All(e => e.ValidationLoss.HasValue))
        {
            var validation = plot.Add.Scatter(epochs, report.Epochs.Select(e => e.ValidationLoss!.Value).ToArray());
            validation.LegendText = "validation";
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel("loss");
        plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
