using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Cli.Registry;
using Autoencoder.Runtime.Data;
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
        var steps = CommonOptions.Positive(new Option<int?>("--steps") { Description = "Stop after this many optimizer steps in all (a smoke run; the last epoch may be partial)", HelpName = "N" });
        var skipBad = new Option<bool>("--skip-bad-images") { Description = "When streaming a folder: leave out files that cannot be read, and count them (default: stop at the first, naming it)" };
        var patchesPerImage = CommonOptions.Positive(new Option<int?>("--patches-per-image")
        {
            Description = "When streaming a folder: random patches cut from each photo every epoch, each with its own place (default: the model's declared value, 1)",
            HelpName = "N",
        });
        var precision = new Option<string>("--precision")
        {
            Description = "The number format of each step: bfloat16 computes forward and backward in a bfloat16 copy of the model and updates its float32 weights, "
                          + "about twice as fast on CPUs with AVX512-BF16; for denoisers and other reconstruction models, not codecs or VAEs",
            DefaultValueFactory = _ => "float32",
            HelpName = "float32|bfloat16",
        };
        precision.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value is not ("float32" or "bfloat16"))
                    result.AddError($"--precision takes float32 or bfloat16, got '{token.Value}'.");
            }
        });
        var output = new Option<string?>("--out", "-o") { Description = "The model file to write (default: <model>.aem); replaced only when training succeeds", HelpName = "file" };

        var command = new CliCommand("train",
            "Trains one of the models compiled into this tool and saves it as a model file, which the other commands read. " +
            "Shows progress per epoch, then the validation reconstruction error.")
        {
            model, data, epochs, batchSize, seed, limit, steps, skipBad, patchesPerImage, precision, output,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder train dense --data data/mnist --epochs 5", "trains the dense autoencoder on MNIST for 5 epochs, writes dense.aem")
            .Example("autoencoder train src/Autoencoder.Cli/Models/denoise.ae.yaml --out denoise.aem", "the same by its YAML file, with its declared 10 epochs")
            .Example("autoencoder train photo-codec --data photos/ --steps 200", "streams a folder of colour photos (random patches) through the photo codec for 200 steps")
            .Example("autoencoder train vae --data photos/ --limit 500 --resize --convert-channels", "trains the VAE on the first 500 images of a folder, resized to 28x28 and made grayscale as asked");

        command.SetAction(parse =>
        {
            var entry = ModelSource.Resolve(parse.GetValue(model)!);
            var dataPath = parse.GetValue(data)!;
            var outPath = parse.GetValue(output) ?? entry.Name + ".aem";
            if (Directory.Exists(outPath))
                throw new CliException($"--out '{outPath}' is a folder; give the model file's name, e.g. {Path.Combine(outPath, entry.Name + ".aem")}");
            var overrides = new TrainerOverrides
            {
                // Each epoch takes at least one step, so as many epochs as steps always reach the step limit.
                Epochs = parse.GetValue(epochs) ?? parse.GetValue(steps),
                BatchSize = parse.GetValue(batchSize),
                Seed = parse.GetValue(seed),
                MaxSteps = parse.GetValue(steps),
                Precision = parse.GetValue(precision) == "bfloat16" ? TrainingPrecision.BFloat16 : TrainingPrecision.Float32,
                Observer = new ConsoleProgress(context.Out, context.Interactive),
            };
            if (entry.Geometry is { IsFree: true })
                return Streamed(context, entry, dataPath, outPath, overrides, parse.GetValue(skipBad), parse.GetValue(patchesPerImage));

            var layout = ImageLayout.FromShape(entry.InputShape);
            using var train = ImageInput.Load(dataPath, layout, "train", parse.GetValue(limit), conversion: conversion(parse));
            using var validation = ImageInput.IsMnistFolder(dataPath) ? ImageInput.Load(dataPath, layout, "test", parse.GetValue(limit), conversion: conversion(parse)) : null;
            context.Out.WriteLine($"Training '{entry.Name}' on {train.Description}" + (validation is null ? "" : $", validating on {validation.Count} test images") + InBFloat16(overrides));

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

    /// <summary>
    /// A model of free sizes trains on a folder of photos read as it goes (random patches, the declared augmentations), so
    /// the folder may be larger than memory; the report ends with the time spent waiting for data.
    /// </summary>
    private static int Streamed(CliContext context, ModelEntry entry, string folder, string outPath, TrainerOverrides overrides, bool skipBad, int? patchesPerImage)
    {
        if (!Directory.Exists(folder) || ImageInput.IsMnistFolder(folder, "train"))
            throw new CliException($"'{entry.Name}' takes colour photos of any size and trains on a folder of them; '{folder}' is not one (MNIST and single files are for the 28x28 models)");
        var limit = (overrides.MaxSteps is { } max ? string.Create(CultureInfo.InvariantCulture, $", {max} steps") : "") + InBFloat16(overrides);
        var start = new FolderTraining(folder, skipBad ? BadImagePolicy.Skip : BadImagePolicy.Fail, source =>
        {
            var each = source.Options.PatchesPerImage == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", {source.Options.PatchesPerImage} an image each epoch");
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Training '{entry.Name}' on {source.Files.Count} images of {folder}, streamed: random {source.Options.PatchWidth}x{source.Options.PatchHeight} patches{each}{limit}"));
        }, patchesPerImage);
        var trained = entry.TrainFolder(overrides, start);
        using var handle = trained.Model;
        ModelFile.Save(outPath, entry.Name, entry.Fingerprint, handle.Module);

        var report = trained.Report;
        var patches = report.Epochs.Sum(e => e.Samples);
        var last = report.Epochs[^1];
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Last epoch's training loss {last.TrainLoss:F5}; {patches} patches in {report.TotalTime.TotalSeconds:F1} s, " +
            $"{report.DataWait.TotalSeconds:F2} s of it waiting for data ({100 * report.DataWait.TotalSeconds / Math.Max(report.TotalTime.TotalSeconds, 1e-9):F1}%)"));
        if (report.SkippedSamples > 0)
            context.Out.WriteLine($"Skipped {report.SkippedSamples} samples of files that could not be read");
        context.Out.WriteLine($"Saved '{entry.Name}' (architecture {entry.Fingerprint}) to {outPath}");
        return CliApp.Ok;
    }

    private static string InBFloat16(TrainerOverrides overrides) =>
        overrides.Precision == TrainingPrecision.BFloat16 ? ", steps in bfloat16 (float32 weights)" : "";
}
