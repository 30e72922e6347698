using System.Threading;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>A model's generated trainer, as code that is generic over models sees it (<see cref="IAutoencoder{TSelf}.CreateTrainer"/>).</summary>
/// <typeparam name="TModel">The model it trains.</typeparam>
public interface ITrainer<out TModel>
    where TModel : IAutoencoder
{
    /// <summary>The model being trained.</summary>
    TModel Model { get; }

    /// <summary>Trains for the configured epochs on <paramref name="trainInputs"/> [N, ...], validating on <paramref name="validationInputs"/> when given.</summary>
    TrainingReport Fit(Tensor trainInputs, Tensor? validationInputs = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Trains for the configured epochs on data read batch by batch (an <see cref="ImageFolderData"/>, say), validating on
    /// <paramref name="validation"/> when given; its samples have the model's input shape.
    /// </summary>
    TrainingReport Fit(ITrainingData train, ITrainingData? validation = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The images of <paramref name="folder"/> as this model's data, with the patch size and augmentations of the trainer's
    /// options; null for a model that reads no image folders (one of vectors, or of a fixed size without <c>[TrainingData]</c>).
    /// </summary>
    ImageFolderData? ImageFolder(string folder, ImageCrop crop = ImageCrop.Random) => null;

    /// <summary>The declared loss over <paramref name="inputs"/>, in evaluation mode.</summary>
    double EvaluateLoss(Tensor inputs);

    /// <summary>Reconstruction metrics (MSE, BCE, PSNR) over <paramref name="inputs"/>, in evaluation mode.</summary>
    ReconstructionReport Evaluate(Tensor inputs);
}
