using System.CommandLine;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Features;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder probe</c>: how much class information a model's code keeps, by a linear classifier on it.</summary>
internal static class ProbeCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var data = new Option<string>("--data", "-d")
        {
            Description = "A folder with the four MNIST IDX files (labelled train and test images)",
            DefaultValueFactory = _ => Path.Combine("data", "mnist"),
            HelpName = "folder",
        };
        var trainLimit = CommonOptions.Positive(new Option<int?>("--train-limit") { Description = "Train the probe on the first N training images only", HelpName = "N" });
        var testLimit = CommonOptions.Positive(new Option<int?>("--test-limit") { Description = "Score it on the first N test images only", HelpName = "N" });
        var steps = CommonOptions.Positive(new Option<int>("--steps") { Description = "Full-batch Adam steps of the probe", DefaultValueFactory = _ => 500, HelpName = "N" });
        var command = new CliCommand("probe",
            "Trains a linear classifier (softmax regression) on a trained model's codes of the MNIST training digits and prints its " +
            "accuracy on the test digits: the usual measure of how much a code keeps of what a digit is.")
        {
            modelFile, data, trainLimit, testLimit, steps,
        };
        command.Example("autoencoder probe --model dense.aem", "codes of all 60,000 training and 10,000 test digits; prints train and test accuracy")
            .Example("autoencoder probe -m vae.aem --train-limit 10000 --test-limit 2000", "a quicker estimate");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var folder = parse.GetValue(data)!;
            if (!ImageInput.IsMnistFolder(folder, "train") || !ImageInput.IsMnistFolder(folder, "test"))
                throw new CliException($"--data '{folder}' is not a folder with the four MNIST IDX files (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-..., raw or .gz)");
            using var train = ImageInput.Load(folder, model.Layout, "train", parse.GetValue(trainLimit));
            using var test = ImageInput.Load(folder, model.Layout, "test", parse.GetValue(testLimit));
            using var trainCodes = CodeExport.Encode(model.Handle.Model, train.Images);
            using var testCodes = CodeExport.Encode(model.Handle.Model, test.Images);
            var result = LinearProbe.Evaluate(trainCodes, train.Labels!, testCodes, test.Labels!, new LinearProbeOptions(Steps: parse.GetValue(steps)));
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Linear probe on the {result.Features}-number codes of '{model.Entry.Name}': train accuracy {result.TrainAccuracy:P2} ({train.Count} images), test accuracy {result.TestAccuracy:P2} ({test.Count} images)"));
            return CliApp.Ok;
        });
        return command;
    }
}
