using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using ConvAutoencoderExample;
using SeedAutoencoderExample;
using static TorchSharp.torch;

ModelSource model;
CommandLine options;
try
{
    (model, var rest) = ModelChoice.Take(args);
    options = CommandLine.Parse(rest, Path.Combine("out", "ConvAutoencoder"));
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(ModelChoice.Usage);
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
    Console.Error.WriteLine(e.Message);
    return 1;
}

using var data = mnist;
Console.WriteLine($"{mnist.Train.Count:N0} training and {mnist.Test.Count:N0} test images");
Console.WriteLine();

var run = model == ModelSource.Yaml ? TrainYaml(options, mnist) : TrainAttributes(options, mnist);

Directory.CreateDirectory(options.OutputDirectory);
var weightsPath = Path.Combine(options.OutputDirectory, run.WeightsFile);
Weights.Save(run.Module, weightsPath);

var imagesPath = Path.Combine(options.OutputDirectory, "reconstructions.png");
using (NewDisposeScope())
using (no_grad())
{
    run.Module.eval();
    var originals = mnist.Test.Images.slice(0, 0, 16, 1);
    ImageGrid.SaveComparison(originals, run.Reconstruct(originals), imagesPath);
}

var metricsPath = Path.Combine(options.OutputDirectory, "metrics.json");
WriteMetrics(metricsPath, run);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"test_bce={run.TestBce:F4} test_mse={run.Test.Mse:F5} test_psnr={run.Test.Psnr:F2} dB  ({run.Report.Epochs.Count} epochs in {run.Report.TotalTime.TotalSeconds:F1} s)"));
Console.WriteLine($"Wrote {weightsPath}, {imagesPath} and {metricsPath}");
return 0;

// The two declarations generate distinct classes with no common trainer type, so each gets a few lines
// that train it and hand back what the rest of the program needs.
static TrainedModel TrainYaml(CommandLine options, MnistDataset mnist)
{
    Console.Write(ConvAutoencoder.Summary);
    var defaults = new ConvAutoencoder.TrainingOptions();
    var trainer = ConvAutoencoder.Trainer.Create(new ConvAutoencoder.TrainingOptions
    {
        Epochs = options.Epochs ?? defaults.Epochs,
        BatchSize = options.BatchSize ?? defaults.BatchSize,
        Seed = options.Seed ?? defaults.Seed,
        LearningRate = options.LearningRate ?? defaults.LearningRate,
        Observer = new ConsoleProgress(),
    });
    var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
    return new TrainedModel(
        trainer.Model, trainer.Model.Reconstruct, report, trainer.Evaluate(mnist.Test.Images), trainer.EvaluateLoss(mnist.Test.Images),
        trainer.Options.BatchSize, trainer.Options.Seed, ConvAutoencoder.ParameterCount, ConvAutoencoder.CodeShape, "conv-autoencoder-yaml.weights");
}

static TrainedModel TrainAttributes(CommandLine options, MnistDataset mnist)
{
    Console.Write(AttributeConvAutoencoder.Summary);
    var defaults = new AttributeConvAutoencoder.TrainingOptions();
    var trainer = AttributeConvAutoencoder.Trainer.Create(new AttributeConvAutoencoder.TrainingOptions
    {
        Epochs = options.Epochs ?? defaults.Epochs,
        BatchSize = options.BatchSize ?? defaults.BatchSize,
        Seed = options.Seed ?? defaults.Seed,
        LearningRate = options.LearningRate ?? defaults.LearningRate,
        Observer = new ConsoleProgress(),
    });
    var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
    return new TrainedModel(
        trainer.Model, trainer.Model.Reconstruct, report, trainer.Evaluate(mnist.Test.Images), trainer.EvaluateLoss(mnist.Test.Images),
        trainer.Options.BatchSize, trainer.Options.Seed, AttributeConvAutoencoder.ParameterCount, AttributeConvAutoencoder.CodeShape, "conv-autoencoder-attributes.weights");
}

static void WriteMetrics(string path, TrainedModel run)
{
    var codeSize = 1L;
    foreach (var size in run.CodeShape)
    {
        codeSize *= size;
    }

    var temp = path + ".tmp";
    using (var stream = File.Create(temp))
    using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
    {
        json.WriteStartObject();
        json.WriteNumber("test_bce", run.TestBce);
        json.WriteNumber("test_mse", run.Test.Mse);
        json.WriteNumber("test_psnr", run.Test.Psnr);
        json.WriteNumber("epochs", run.Report.Epochs.Count);
        json.WriteNumber("train_seconds", run.Report.TotalTime.TotalSeconds);
        json.WriteNumber("seconds_per_epoch", run.Report.Epochs.Count == 0 ? 0 : run.Report.TotalTime.TotalSeconds / run.Report.Epochs.Count);
        json.WriteNumber("final_train_loss", run.Report.FinalTrainLoss);
        json.WriteNumber("batch_size", run.BatchSize);
        json.WriteNumber("seed", run.Seed);
        json.WriteNumber("parameters", run.Parameters);
        json.WriteNumber("code_size", codeSize);
        json.WriteEndObject();
    }

    File.Move(temp, path, overwrite: true);
}

/// <summary>A trained model, whichever declaration it came from.</summary>
internal sealed record TrainedModel(
    TorchSharp.torch.nn.Module Module,
    Func<Tensor, Tensor> Reconstruct,
    TrainingReport Report,
    ReconstructionReport Test,
    double TestBce,
    int BatchSize,
    long Seed,
    long Parameters,
    long[] CodeShape,
    string WeightsFile);
