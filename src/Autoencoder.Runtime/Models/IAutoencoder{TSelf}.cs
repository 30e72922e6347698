using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>
/// What a generated model's class knows without an instance (its architecture and how to make and train one), for code that
/// is generic over models: <c>Run&lt;TModel&gt;() where TModel : nn.Module, IAutoencoder&lt;TModel&gt;</c>. Every generated
/// model implements it, with its own class as <typeparamref name="TSelf"/>.
/// </summary>
/// <typeparam name="TSelf">The model's class.</typeparam>
public interface IAutoencoder<TSelf> : IAutoencoder
    where TSelf : nn.Module, IAutoencoder<TSelf>
{
    /// <summary>The architecture's fingerprint (the generated <c>Fingerprint</c>), which model files and checkpoints record.</summary>
    static abstract string Fingerprint { get; }

    /// <summary>One input's shape, without the batch dimension; a free height or width (a fully convolutional model) is -1.</summary>
    static abstract long[] InputShape { get; }

    /// <summary>
    /// The images the model takes (channels, fixed or free sizes, multiple, minimum); null for a model of vectors. A model with
    /// free sizes generates its own; for the others this is the input shape's.
    /// </summary>
    static virtual ImageGeometry? Geometry => ImageGeometry.Of(TSelf.InputShape);

    /// <summary>
    /// One code's shape (what <see cref="IAutoencoder.Features"/> returns per input), without the batch dimension; its height and
    /// width are -1 for a model with free sizes (they follow the input's).
    /// </summary>
    static abstract long[] CodeShape { get; }

    /// <summary>The layer table: layers, output shapes and parameter counts (the generated <c>Summary</c>).</summary>
    static abstract string Summary { get; }

    /// <summary>A new model with freshly initialised weights (seed TorchSharp first for reproducible weights).</summary>
    static abstract TSelf Create();

    /// <summary>
    /// The generated trainer with the declared settings, except those <paramref name="overrides"/> sets: it seeds TorchSharp,
    /// creates a new model and builds its optimizer, as the generated <c>Trainer.Create</c> does.
    /// </summary>
    static abstract ITrainer<TSelf> CreateTrainer(TrainerOverrides? overrides = null);
}
