using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Examples;

/// <summary>A trained model, whichever generated class it is, with what the examples write about it.</summary>
internal sealed record TrainedModel(
    nn.Module Module,
    Func<Tensor, Tensor> Reconstruct,
    TrainingReport Report,
    ReconstructionReport Test,
    double TestBce,
    int BatchSize,
    long Seed,
    long Parameters,
    long[] CodeShape,
    string WeightsFile);

/// <summary>The examples' shared steps around training: loading MNIST, and writing weights, images and metrics.</summary>
internal static class ExampleRun
{
    /// <summary>Loads MNIST from --data or the repository; null (after printing why) when the files are missing or malformed.</summary>
    public static MnistDataset? LoadMnist(CommandLine options)
    {
        try
        {
            var dataDirectory = options.DataDirectory ?? RepositoryData.FindMnist();
            Console.WriteLine($"Loading MNIST from {dataDirectory}");
            var mnist = MnistDataset.Load(dataDirectory);
            Console.WriteLine($"{mnist.Train.Count:N0} training and {mnist.Test.Count:N0} test images");
            Console.WriteLine();
            return mnist;
        }
        catch (IOException e)
        {
            // Missing, truncated or malformed IDX files: the message names the file and the problem.
            Console.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>
    /// Checkpoints for one model under --out. With --resume the run continues from them; without, earlier ones are
    /// deleted first, because the runtime refuses to mix a new run into a directory holding an old one.
    /// </summary>
    public static CheckpointOptions Checkpoints(CommandLine options, string model)
    {
        var directory = Path.Combine(options.OutputDirectory, "checkpoints", model);
        if (!options.Resume && Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
        return new CheckpointOptions { Directory = directory, Resume = true, KeepLast = 2 };
    }

    /// <summary>Writes the weights (TorchSharp's format and safetensors), a grid of test images above their reconstructions, and metrics.json.</summary>
    public static void WriteOutputs(string outputDirectory, TrainedModel run, Tensor testImages)
    {
        Directory.CreateDirectory(outputDirectory);
        var weightsPath = Path.Combine(outputDirectory, run.WeightsFile);
        Weights.Save(run.Module, weightsPath);
        var safetensorsPath = Path.ChangeExtension(weightsPath, ".safetensors");
        PyTorchWeights.SaveSafetensors(run.Module, safetensorsPath);

        var imagesPath = Path.Combine(outputDirectory, "reconstructions.png");
        using (NewDisposeScope())
        using (no_grad())
        {
            run.Module.eval();
            var originals = testImages.slice(0, 0, 16, 1);
            ImageGrid.SaveComparison(originals, run.Reconstruct(originals), imagesPath);
        }

        var metricsPath = Path.Combine(outputDirectory, "metrics.json");
        WriteMetrics(metricsPath, run);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test_bce={run.TestBce:F4} test_mse={run.Test.Mse:F5} test_psnr={run.Test.Psnr:F2} dB  ({run.Report.Epochs.Count} epochs in {run.Report.TotalTime.TotalSeconds:F1} s)"));
        Console.WriteLine($"Wrote {weightsPath}, {safetensorsPath}, {imagesPath} and {metricsPath}");
    }

    private static void WriteMetrics(string path, TrainedModel run)
    {
        var codeSize = 1L;
        foreach (var size in run.CodeShape)
        {
            codeSize *= size;
        }

        // Written beside the target and renamed over it, so a crash never leaves half a file.
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var epochs = run.Report.Epochs.Count;
            var seconds = run.Report.TotalTime.TotalSeconds;
            json.WriteStartObject();
            json.WriteNumber("test_bce", run.TestBce);
            json.WriteNumber("test_mse", run.Test.Mse);
            json.WriteNumber("test_psnr", run.Test.Psnr);
            json.WriteNumber("epochs", epochs);
            json.WriteNumber("train_seconds", seconds);
            json.WriteNumber("seconds_per_epoch", epochs == 0 ? 0 : seconds / epochs);
            json.WriteNumber("final_train_loss", run.Report.FinalTrainLoss);
            json.WriteNumber("batch_size", run.BatchSize);
            json.WriteNumber("seed", run.Seed);
            json.WriteNumber("parameters", run.Parameters);
            json.WriteNumber("code_size", codeSize);
            json.WriteEndObject();
        }

        File.Move(temp, path, overwrite: true);
    }
}
