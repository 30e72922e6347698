using System.CommandLine;
using System.Globalization;
using System.IO;
using Autoencoder.Cli.Registry;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder train</c>: trains a compiled model with its generated trainer and writes a model file.</summary>
internal static class TrainCommand
{
    public static CliCommand Create(CliContext context)
    {
        var model = new Argument<string>("model")
        {
            Description = "A model compiled into the tool (dense, denoise, inpaint, vae, compress; see 'autoencoder models') or its .ae.yaml file",
        };
        var data = new Option<string>("--data", "-d")
        {
            Description = "Training images: a folder with the four MNIST IDX files (validated on its test split), one IDX image file, or a folder of images",
            DefaultValueFactory = _ => Path.Combine("data", "mnist"),
            HelpName = "path",
        };
        var epochs = CommonOptions.Positive(new Option<int?>("--epochs", "-e") { Description = "Passes over the training images (default: the model's declared value)", HelpName = "N" });
        var batchSize = CommonOptions.Positive(new Option<int?>("--batch-size") { Description = "Images per step (default: the model's declared value)", HelpName = "N" });
        var seed = new Option<long?>("--seed") { Description = "Seed for weights and shuffling (default: the model's declared value)", HelpName = "N" };
        var limit = CommonOptions.Limit();
        var output = new Option<string?>("--out", "-o") { Description = "The model file to write (default: <model>.aem); replaced only when training succeeds", HelpName = "file" };

        var command = new CliCommand("train",
            "Trains one of the models compiled into this tool and saves it as a model file, which the other commands read. " +
            "Shows progress per epoch, then the validation reconstruction error.")
        {
            model, data, epochs, batchSize, seed, limit, output,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder train dense --data data/mnist --epochs 5", "trains the dense autoencoder on MNIST for 5 epochs, writes dense.aem")
            .Example("autoencoder train src/Autoencoder.Cli/Models/denoise.ae.yaml --out denoise.aem", "the same by its YAML file, with its declared 10 epochs")
            .Example("autoencoder train vae --data photos/ --limit 500 --resize --convert-channels", "trains the VAE on the first 500 images of a folder, resized to 28x28 and made grayscale as asked");

        command.SetAction(parse =>
        {
            var entry = ModelSource.Resolve(parse.GetValue(model)!);
            var dataPath = parse.GetValue(data)!;
            var outPath = parse.GetValue(output) ?? entry.Name + ".aem";
            if (Directory.Exists(outPath))
                throw new CliException($"--out '{outPath}' is a folder; give the model file's name, e.g. {Path.Combine(outPath, entry.Name + ".aem")}");
            var layout = ImageLayout.FromShape(entry.InputShape);
            using var train = ImageInput.Load(dataPath, layout, "train", parse.GetValue(limit), conversion: conversion(parse));
            using var validation = ImageInput.IsMnistFolder(dataPath) ? ImageInput.Load(dataPath, layout, "test", parse.GetValue(limit), conversion: conversion(parse)) : null;
            context.Out.WriteLine($"Training '{entry.Name}' on {train.Description}" + (validation is null ? "" : $", validating on {validation.Count} test images"));

            var overrides = new TrainerOverrides
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batchSize),
                Seed = parse.GetValue(seed),
                Observer = new ConsoleProgress(context.Out, context.Interactive),
            };
            var trained = entry.Train(overrides, train.Images, validation?.Images);
            using var handle = trained.Model;
            ModelFile.Save(outPath, entry.Name, entry.Fingerprint, handle.Module);

            var check = validation ?? train;
            var report = ReconstructionMetrics.Evaluate(handle.Model, check.Images, batchSize: 256);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(validation is null ? "Training" : "Validation")} images: MSE {report.Mse:F5}, PSNR {report.Psnr:F2} dB"));
            context.Out.WriteLine($"Saved '{entry.Name}' (architecture {entry.Fingerprint}) to {outPath}");
            return CliApp.Ok;
        });
        return command;
    }
}
