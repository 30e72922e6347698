using Autoencoder.Runtime.Training;

namespace Autoencoder.Runtime.Models;

/// <summary>
/// Training settings that replace a model's declared ones in <see cref="IAutoencoder{TSelf}.CreateTrainer"/>; each null keeps
/// the declared value (the observer's declared value is none). For every other setting, use the model's own
/// <c>TrainingOptions</c> and <c>Trainer.Create</c>.
/// </summary>
public sealed record TrainerOverrides
{
    /// <summary>Passes over the training set.</summary>
    public int? Epochs { get; init; }

    /// <summary>Samples per optimizer step.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Seed for weight initialisation, shuffling and dropout.</summary>
    public long? Seed { get; init; }

    /// <summary>Train at most this many steps in all, then stop (<see cref="TrainingOptions.MaxSteps"/>); for smoke runs.</summary>
    public long? MaxSteps { get; init; }

    /// <summary>The number format of each step (<see cref="TrainingPrecision.BFloat16"/>: in a bfloat16 copy of the model).</summary>
    public TrainingPrecision? Precision { get; init; }

    /// <summary>Receives progress during the fit.</summary>
    public ITrainingObserver? Observer { get; init; }
}
