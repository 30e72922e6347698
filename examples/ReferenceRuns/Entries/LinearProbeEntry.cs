using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Features;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// How much class information the classic 32-number code keeps in linearly readable form: a multinomial logistic
/// regression trained on the codes of the 60,000 training images and scored on the 10,000 test images, beside the same
/// probe on raw pixels. No published figure: the row is the reference for later codes.
/// </summary>
internal sealed class LinearProbeEntry : IReferenceEntry
{
    private const string Metric = "linear-probe test accuracy (%)";
    private static readonly ClassicCode32.TrainingOptions Declared = new();
    private static readonly LinearProbeOptions Probe = new();

    public string Name => "probe32";

    public string Settings { get; } = SettingsFor(Declared.Epochs);

    private static string SettingsFor(int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"784-32-784 ReLU code, BCE, Adam {Declared.LearningRate:G}, {epochs} epochs, batch {Declared.BatchSize}, seed {Declared.Seed}; " +
        $"probe: standardised softmax regression, full-batch Adam {Probe.LearningRate:G}, {Probe.Steps} steps, L2 {Probe.L2:G}");

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var mnist = context.Mnist;
        var rows = new List<ReferenceResult>();

        var time = Stopwatch.StartNew();
        int epochs = context.Epochs(Declared.Epochs);
        var trainer = ClassicCode32.Trainer.Create(new ClassicCode32.TrainingOptions { Epochs = epochs, Threads = context.Threads });
        trainer.Fit(mnist.Train.Images);
        using var trainCodes = CodeExport.Encode(trainer.Model, mnist.Train.Images);
        using var testCodes = CodeExport.Encode(trainer.Model, mnist.Test.Images);
        CodeExport.WriteNpy(Path.Combine(context.OutputDirectory, "train-codes.npy"), trainCodes);
        CodeExport.WriteNpy(Path.Combine(context.OutputDirectory, "test-codes.npy"), testCodes);
        var codes = LinearProbe.Evaluate(trainCodes, mnist.Train.Labels, testCodes, mnist.Test.Labels, Probe);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Probe on 32-unit codes: train {codes.TrainAccuracy:P2}, test {codes.TestAccuracy:P2}; codes in {context.OutputDirectory}"));
        rows.Add(new ReferenceResult(Name, "Classic dense autoencoder, 32-unit code", Metric,
            codes.TestAccuracy * 100, null, null, time.Elapsed, SettingsFor(epochs)));

        time.Restart();
        var pixels = LinearProbe.Evaluate(mnist.Train.Images, mnist.Train.Labels, mnist.Test.Images, mnist.Test.Labels, Probe);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Probe on raw pixels: train {pixels.TrainAccuracy:P2}, test {pixels.TestAccuracy:P2}"));
        rows.Add(new ReferenceResult(Name, "Raw pixels (784), for reference", Metric,
            pixels.TestAccuracy * 100, null, null, time.Elapsed, "same probe on the pixels"));
        return rows;
    }
}
