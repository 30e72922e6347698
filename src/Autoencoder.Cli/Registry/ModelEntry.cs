using System;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Registry;

/// <summary>What <c>train</c> passes to a model's trainer; null keeps the model's declared value.</summary>
internal sealed record TrainSettings(Tensor Train, Tensor? Validation, int? Epochs, int? BatchSize, long? Seed, ITrainingObserver? Observer);

/// <summary>A trained model and its training history.</summary>
internal sealed record TrainedModel(ModelHandle Model, TrainingReport Report);

/// <summary>
/// A model compiled into the tool: its name on the command line, its declaration (the YAML file under Models/ and the
/// class the generator made of it), and how to create and train it through the generated code.
/// </summary>
/// <param name="Name">The registry name, e.g. <c>denoise</c>: what <c>--model</c> and the model file say.</param>
/// <param name="Description">One line for <c>autoencoder models</c> and the help.</param>
/// <param name="ClassName">The YAML file's <c>name</c>: the generated class.</param>
/// <param name="YamlFile">The declaring file under Models/ (embedded in the tool, to recognise it when given to <c>train</c>).</param>
/// <param name="Fingerprint">The generated architecture fingerprint, written to and checked in model files.</param>
/// <param name="InputShape">One input's shape, [C, H, W].</param>
/// <param name="Summary">The generated layer table.</param>
/// <param name="Create">A new, untrained instance.</param>
/// <param name="Train">Creates, seeds and trains an instance with the generated trainer.</param>
internal sealed record ModelEntry(
    string Name,
    string Description,
    string ClassName,
    string YamlFile,
    string Fingerprint,
    long[] InputShape,
    string Summary,
    Func<ModelHandle> Create,
    Func<TrainSettings, TrainedModel> Train);
