using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The JSON section of a checkpoint: where the run is, what it has recorded so far and the settings a resumed run
/// must share with it to continue bit-for-bit. Tensors live in their own sections.
/// </summary>
internal sealed record CheckpointHeader
{
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    /// <summary>The model's architecture fingerprint, when the trainer supplied one.</summary>
    public string? ModelFingerprint { get; init; }

    /// <summary>The optimizer's TorchSharp type name, e.g. "Adam".</summary>
    public required string Optimizer { get; init; }

    public required long Seed { get; init; }
    public required int BatchSize { get; init; }
    public required bool Shuffle { get; init; }

    /// <summary>The precision steps were computed in ("bfloat16"); null for float32, and in files written before it was recorded.</summary>
    public string? Precision { get; init; }
    public required long TrainSamples { get; init; }

    /// <summary>The training data's <c>ITrainingData.Identity</c> (files and patch settings); null for tensors.</summary>
    public string? TrainData { get; init; }
    public required int Epochs { get; init; }

    /// <summary>Epochs finished; the run continues with epoch <c>CompletedEpochs + 1</c>.</summary>
    public required int CompletedEpochs { get; init; }

    /// <summary>Optimizer steps already taken in epoch <c>CompletedEpochs + 1</c> (0 at an epoch boundary).</summary>
    public required long StepsIntoEpoch { get; init; }

    /// <summary>Sample-weighted loss sum of those steps, so the resumed epoch reports the same mean.</summary>
    public required double EpochLossSum { get; init; }

    /// <summary>Samples trained on in those steps (fewer than steps × batch size when bad files were skipped); null in older files.</summary>
    public long? EpochSamples { get; init; }

    /// <summary>Sample-weighted sums of the objective's named terms over those steps, in its order; empty for a plain loss.</summary>
    public List<TermValue> EpochTermSums { get; init; } = [];

    public LearningRateScheduler.PlateauState? Plateau { get; init; }

    public EarlyStoppingTracker.Counters? EarlyStopping { get; init; }

    /// <summary>The lowest monitored loss so far (what best.ckpt holds); null before the first epoch ends.</summary>
    public double? BestMonitoredLoss { get; init; }

    /// <summary>Early stopping ended the run; a resumed run does not train further.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>The completed epochs, each with its term means.</summary>
    public required List<EpochResult> History { get; init; }
}

/// <summary>Compile-time JSON metadata for the header: no reflection at run time.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(CheckpointHeader))]
internal sealed partial class CheckpointJson : JsonSerializerContext;
