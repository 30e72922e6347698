namespace Autoencoder.Runtime.Training;

/// <summary>
/// How the learning rate changes over a run. The optimizer's declared learning rate is the base rate; the
/// schedule is a pure function of the epoch and step (plus, for <see cref="ReduceOnPlateauSchedule"/>, the losses
/// seen so far), so a resumed run follows exactly the rates an uninterrupted one would.
/// </summary>
public abstract record LearningRateSchedule;

/// <summary>Multiplies the learning rate by <paramref name="Gamma"/> every <paramref name="StepSize"/> epochs (PyTorch's StepLR).</summary>
public sealed record StepSchedule(int StepSize, double Gamma = 0.1) : LearningRateSchedule;

/// <summary>
/// Cosine annealing from the base rate down to <paramref name="MinLearningRate"/> over the whole run, updated
/// every step (PyTorch's CosineAnnealingLR with T_max = all steps, without restarts).
/// </summary>
public sealed record CosineSchedule(double MinLearningRate = 0) : LearningRateSchedule;

/// <summary>
/// Smith's one-cycle policy, updated every step (PyTorch's OneCycleLR with cosine annealing): from
/// <c>MaxLearningRate / DivFactor</c> up to <paramref name="MaxLearningRate"/> over the first
/// <paramref name="WarmupFraction"/> of the steps, then down to <c>MaxLearningRate / (DivFactor * FinalDivFactor)</c>.
/// The optimizer's declared learning rate is not used.
/// </summary>
public sealed record OneCycleSchedule(
    double MaxLearningRate,
    double WarmupFraction = 0.3,
    double DivFactor = 25,
    double FinalDivFactor = 1e4) : LearningRateSchedule;

/// <summary>
/// Multiplies the learning rate by <paramref name="Factor"/> when the monitored loss has not improved (relative
/// <paramref name="Threshold"/>) for <paramref name="Patience"/> epochs, never going below <paramref name="MinLearningRate"/>
/// (PyTorch's ReduceLROnPlateau in 'min' mode, without cooldown). Monitors the validation loss, or the training loss
/// when there is no validation set.
/// </summary>
public sealed record ReduceOnPlateauSchedule(
    double Factor = 0.1,
    int Patience = 10,
    double Threshold = 1e-4,
    double MinLearningRate = 0) : LearningRateSchedule;
