using System;
using System.IO;
using Autoencoder.Examples;
using SeedAutoencoderExample;

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

using var mnist = ExampleRun.LoadMnist(options);
if (mnist is null)
{
    return 1;
}

Console.Write(SeedAutoencoder.Summary);
Console.WriteLine();

using var reporting = new ExampleReporting(options.OutputDirectory, nameof(SeedAutoencoder));
var defaults = new SeedAutoencoder.TrainingOptions();
var trainer = SeedAutoencoder.Trainer.Create(new SeedAutoencoder.TrainingOptions
{
    Epochs = options.Epochs ?? defaults.Epochs,
    BatchSize = options.BatchSize ?? defaults.BatchSize,
    Seed = options.Seed ?? defaults.Seed,
    LearningRate = options.LearningRate ?? defaults.LearningRate,
    Observer = reporting.Observer,
    Checkpoints = ExampleRun.Checkpoints(options, "seed-autoencoder"),
    Threads = options.Threads,
});
reporting.Watch(trainer.Model, mnist.Test.Images, trainer.Options.BatchSize);

// The test set is shown each epoch as validation loss (as in the Keras tutorial); nothing is selected on it.
var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
var run = new TrainedModel(
    trainer.Model, trainer.Model.Reconstruct, report, trainer.Evaluate(mnist.Test.Images), trainer.EvaluateLoss(mnist.Test.Images),
    trainer.Options.BatchSize, trainer.Options.Seed, SeedAutoencoder.ParameterCount, SeedAutoencoder.CodeShape, "seed-autoencoder.weights");
ExampleRun.WriteOutputs(options.OutputDirectory, run, mnist.Test.Images);
reporting.PrintWhereToLook();
return 0;
