using System;
using System.IO;
using Autoencoder.Examples;
using Autoencoder.Runtime.Data;
using ConvAutoencoderExample;

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

using var mnist = ExampleRun.LoadMnist(options);
if (mnist is null)
{
    return 1;
}

using var reporting = new ExampleReporting(options.OutputDirectory, model == ModelSource.Yaml ? nameof(ConvAutoencoder) : nameof(AttributeConvAutoencoder));
var run = model == ModelSource.Yaml ? TrainYaml(options, mnist, reporting) : TrainAttributes(options, mnist, reporting);
ExampleRun.WriteOutputs(options.OutputDirectory, run, mnist.Test.Images);
reporting.PrintWhereToLook();
return 0;

// The two declarations generate distinct classes with no common trainer type, so each gets a few lines
// that train it and hand back what the rest of the program needs.
static TrainedModel TrainYaml(CommandLine options, MnistDataset mnist, ExampleReporting reporting)
{
    Console.Write(ConvAutoencoder.Summary);
    var defaults = new ConvAutoencoder.TrainingOptions();
    var trainer = ConvAutoencoder.Trainer.Create(new ConvAutoencoder.TrainingOptions
    {
        Epochs = options.Epochs ?? defaults.Epochs,
        BatchSize = options.BatchSize ?? defaults.BatchSize,
        Seed = options.Seed ?? defaults.Seed,
        LearningRate = options.LearningRate ?? defaults.LearningRate,
        Observer = reporting.Observer,
        Checkpoints = ExampleRun.Checkpoints(options, "conv-autoencoder-yaml"),
        Threads = options.Threads,
    });
    reporting.Watch(trainer.Model, mnist.Test.Images, trainer.Options.BatchSize);
    var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
    return new TrainedModel(
        trainer.Model, trainer.Model.Reconstruct, report, trainer.Evaluate(mnist.Test.Images), trainer.EvaluateLoss(mnist.Test.Images),
        trainer.Options.BatchSize, trainer.Options.Seed, ConvAutoencoder.ParameterCount, ConvAutoencoder.CodeShape, "conv-autoencoder-yaml.weights");
}

static TrainedModel TrainAttributes(CommandLine options, MnistDataset mnist, ExampleReporting reporting)
{
    Console.Write(AttributeConvAutoencoder.Summary);
    var defaults = new AttributeConvAutoencoder.TrainingOptions();
    var trainer = AttributeConvAutoencoder.Trainer.Create(new AttributeConvAutoencoder.TrainingOptions
    {
        Epochs = options.Epochs ?? defaults.Epochs,
        BatchSize = options.BatchSize ?? defaults.BatchSize,
        Seed = options.Seed ?? defaults.Seed,
        LearningRate = options.LearningRate ?? defaults.LearningRate,
        Observer = reporting.Observer,
        Checkpoints = ExampleRun.Checkpoints(options, "conv-autoencoder-attributes"),
        Threads = options.Threads,
    });
    reporting.Watch(trainer.Model, mnist.Test.Images, trainer.Options.BatchSize);
    var report = trainer.Fit(mnist.Train.Images, mnist.Test.Images);
    return new TrainedModel(
        trainer.Model, trainer.Model.Reconstruct, report, trainer.Evaluate(mnist.Test.Images), trainer.EvaluateLoss(mnist.Test.Images),
        trainer.Options.BatchSize, trainer.Options.Seed, AttributeConvAutoencoder.ParameterCount, AttributeConvAutoencoder.CodeShape, "conv-autoencoder-attributes.weights");
}
