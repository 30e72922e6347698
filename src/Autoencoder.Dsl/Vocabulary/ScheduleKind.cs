namespace Autoencoder;

/// <summary>How <see cref="LearningRateScheduleAttribute"/> changes the learning rate over a run.</summary>
/// <remarks>The generator compiles this same file, so the numbers here are the contract between the two.</remarks>
public enum ScheduleKind
{
    /// <summary>Multiplies the rate by <c>Gamma</c> every <c>StepSize</c> epochs (PyTorch's StepLR); needs <c>StepSize</c>.</summary>
    Step = 0,
    /// <summary>Cosine annealing from the optimizer's rate down to <c>MinLearningRate</c> over the whole run, updated every step.</summary>
    Cosine = 1,
    /// <summary>
    /// Smith's one-cycle policy, updated every step: up to <c>MaxLearningRate</c> over the first <c>WarmupFraction</c> of the
    /// steps, then down; needs <c>MaxLearningRate</c>, and the optimizer's rate is not used.
    /// </summary>
    OneCycle = 2,
    /// <summary>Multiplies the rate by <c>Factor</c> when the monitored loss has not improved for <c>Patience</c> epochs (PyTorch's ReduceLROnPlateau).</summary>
    ReduceOnPlateau = 3,
}
