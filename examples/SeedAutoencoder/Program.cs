using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Training;
using SeedAutoencoderExample;
using static TorchSharp.torch;

CommandLine options;
try
{
    options = CommandLine.Parse(args, Path.Combine("out", "SeedAutoencoder"));
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

MnistDataset mnist;
try
{
    var dataDirectory = options.DataDirectory ?? RepositoryData.FindMnist();
    Console.WriteLine($"Loading MNIST from {dataDirectory}");
    mnist = MnistDataset.Load(dataDirectory);
}
catch (IOException e)
{
    // Missing, truncated or malformed IDX files: the message names the file and the problem.
    Console.Error.WriteLine(e.Message);
    return 1;
}

using var data = mnist;
Console.WriteLine($"{mnist.Train.Count:N0} training and {mnist.Test.Count:N0} test images");
Console.WriteLine();
Console.Write(SeedAutoencoder.Summary);
Console.WriteLine();

var defaults = new SeedAutoencoder.TrainingOptions();
var trainer = SeedAutoencoder.Trainer.Create(new SeedAutoencoder.TrainingOptions
{
    Epochs = options.Epochs ?? defaults.Epochs,
    BatchSize = options.BatchSize ?? defaults.BatchSize,
    Seed = options.Seed ?? defaults.Seed,
    LearningRate = options.LearningRate ?? defaults.LearningRate,
    Observer = new ConsoleProgress(),
});

// The test set is shown each epoch as validation loss (as in the Keras tutorial); nothing is selected on it.
var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
var test = trainer.Evaluate(mnist.Test.Images);
var testBce = trainer.EvaluateLoss(mnist.Test.Images);

Directory.CreateDirectory(options.OutputDirectory);
var weightsPath = Path.Combine(options.OutputDirectory, "seed-autoencoder.weights");
Weights.Save(trainer.Model, weightsPath);

var imagesPath = Path.Combine(options.OutputDirectory, "reconstructions.png");
using (NewDisposeScope())
using (no_grad())
{
    trainer.Model.eval();
    var originals = mnist.Test.Images.slice(0, 0, 16, 1);
    ImageGrid.SaveComparison(originals, trainer.Model.Reconstruct(originals), imagesPath);
}

var metricsPath = Path.Combine(options.OutputDirectory, "metrics.json");
WriteMetrics(metricsPath, trainer.Options, report, test.Mse, testBce, test.Psnr);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"test_bce={testBce:F4} test_mse={test.Mse:F5} test_psnr={test.Psnr:F2} dB  ({report.Epochs.Count} epochs in {report.TotalTime.TotalSeconds:F1} s)"));
Console.WriteLine($"Wrote {weightsPath}, {imagesPath} and {metricsPath}");
return 0;

static void WriteMetrics(string path, SeedAutoencoder.TrainingOptions options, TrainingReport report, double mse, double bce, double psnr)
{
    var temp = path + ".tmp";
    using (var stream = File.Create(temp))
    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
    {
        json.WriteStartObject();
        json.WriteNumber("test_bce", bce);
        json.WriteNumber("test_mse", mse);
        json.WriteNumber("test_psnr", psnr);
        json.WriteNumber("epochs", report.Epochs.Count);
        json.WriteNumber("train_seconds", report.TotalTime.TotalSeconds);
        json.WriteNumber("seconds_per_epoch", report.Epochs.Count == 0 ? 0 : report.TotalTime.TotalSeconds / report.Epochs.Count);
        json.WriteNumber("final_train_loss", report.FinalTrainLoss);
        json.WriteNumber("batch_size", options.BatchSize);
        json.WriteNumber("seed", options.Seed);
        json.WriteNumber("parameters", SeedAutoencoder.ParameterCount);
        json.WriteEndObject();
    }

    File.Move(temp, path, overwrite: true);
}
