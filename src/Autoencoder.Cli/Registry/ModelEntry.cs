using System;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Registry;

/// <summary>A trained model and its training history.</summary>
internal sealed record TrainedModel(ModelHandle Model, TrainingReport Report);

/// <summary>
/// A model compiled into the tool: its name on the command line, its declaration (Models/&lt;name&gt;.ae.yaml, and the class
/// the generator made of it), and how to create and train it, all through the runtime's <see cref="IAutoencoder{TSelf}"/>.
/// </summary>
internal sealed class ModelEntry
{
    private readonly Func<IAutoencoder> _create;
    private readonly Func<TrainerOverrides, Tensor, Tensor?, TrainedModel> _train;
    private readonly Func<TrainerOverrides, FolderTraining, TrainedModel> _trainFolder;
    private readonly Lazy<string> _className;

    private ModelEntry(
        string name, string description, string fingerprint, long[] inputShape, ImageGeometry? geometry, string summary,
        Func<IAutoencoder> create, Func<TrainerOverrides, Tensor, Tensor?, TrainedModel> train, Func<TrainerOverrides, FolderTraining, TrainedModel> trainFolder)
    {
        Name = name;
        Description = description;
        Fingerprint = fingerprint;
        InputShape = inputShape;
        Geometry = geometry;
        Summary = summary;
        _create = create;
        _train = train;
        _trainFolder = trainFolder;
        _className = new Lazy<string>(() => ModelSource.DeclaredClass(ModelSource.CompiledYaml(this))
                                            ?? throw new InvalidOperationException($"Models/{YamlFile} declares no model."));
    }

    /// <summary>The entry of the generated <typeparamref name="TModel"/>, which Models/<paramref name="name"/>.ae.yaml declares.</summary>
    /// <param name="name">The registry name, e.g. <c>denoise</c>: what <c>--model</c> and the model file say.</param>
    /// <param name="description">One line for <c>autoencoder models</c> and the help.</param>
    public static ModelEntry For<TModel>(string name, string description)
        where TModel : nn.Module, IAutoencoder<TModel> =>
        new(name, description, TModel.Fingerprint, TModel.InputShape, TModel.Geometry, TModel.Summary,
            () => TModel.Create(),
            (overrides, train, validation) =>
            {
                var trainer = TModel.CreateTrainer(overrides);
                return Trained(trainer, () => trainer.Fit(train, validation));
            },
            (overrides, folder) =>
            {
                var trainer = TModel.CreateTrainer(overrides);
                return Trained(trainer, () =>
                {
                    var data = trainer.ImageFolder(folder.Path)
                               ?? throw new CliException($"'{name}' cannot stream a folder of images: it takes a fixed size and declares no [TrainingData]");
                    var source = new ImageFolderData(folder.Path, data.Options with
                    {
                        BadImages = folder.BadImages,
                        PatchesPerImage = folder.PatchesPerImage ?? data.Options.PatchesPerImage,
                    });
                    folder.Started?.Invoke(source);
                    return trainer.Fit(source);
                });
            });

    private static TrainedModel Trained<TModel>(ITrainer<TModel> trainer, Func<TrainingReport> fit)
        where TModel : nn.Module, IAutoencoder<TModel>
    {
        var handle = new ModelHandle(trainer.Model);
        try
        {
            return new TrainedModel(handle, fit());
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>The registry name, e.g. <c>denoise</c>.</summary>
    public string Name { get; }

    /// <summary>One line for <c>autoencoder models</c> and the help.</summary>
    public string Description { get; }

    /// <summary>The declaring file under Models/ (embedded in the tool, to recognise it when given to <c>train</c>).</summary>
    public string YamlFile => Name + ".ae.yaml";

    /// <summary>The generated class: the <c>name</c> its YAML file declares.</summary>
    public string ClassName => _className.Value;

    /// <summary>The generated architecture fingerprint, written to and checked in model files.</summary>
    public string Fingerprint { get; }

    /// <summary>One input's shape, [C, H, W]; -1 for a free side.</summary>
    public long[] InputShape { get; }

    /// <summary>The images the model takes (fixed or free sizes); null for a model of vectors.</summary>
    public ImageGeometry? Geometry { get; }

    /// <summary>The generated layer table.</summary>
    public string Summary { get; }

    /// <summary>A new, untrained instance.</summary>
    public ModelHandle Create() => new(_create());

    /// <summary>Creates, seeds and trains an instance with the generated trainer: its declared settings, except those <paramref name="overrides"/> sets.</summary>
    public TrainedModel Train(TrainerOverrides overrides, Tensor train, Tensor? validation) => _train(overrides, train, validation);

    /// <summary>Trains like <see cref="Train"/> on a folder of images read as training goes (a model of free sizes, or one that declares [TrainingData]).</summary>
    public TrainedModel TrainFolder(TrainerOverrides overrides, FolderTraining folder) => _trainFolder(overrides, folder);
}
