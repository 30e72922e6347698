using System;

namespace Autoencoder;

/// <summary>
/// How the learning rate changes over a run: <c>[LearningRateSchedule(ScheduleKind.Step, StepSize = 10, Gamma = 0.5)]</c>.
/// Set only the properties of the chosen kind (the others are errors); unset ones take PyTorch's defaults. The
/// generated trainer's options start from it and can replace or remove it at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LearningRateScheduleAttribute : Attribute
{
    /// <summary>Declares the schedule.</summary>
    public LearningRateScheduleAttribute(ScheduleKind kind) => Kind = kind;

    /// <summary>The schedule.</summary>
    public ScheduleKind Kind { get; }

    /// <summary>Step only, and required: epochs between two multiplications by <see cref="Gamma"/>; at least 1.</summary>
    public int StepSize { get; set; }

    /// <summary>Step only: the factor applied every <see cref="StepSize"/> epochs, in (0, 1]; 0.1 unless set.</summary>
    public double Gamma { get; set; }

    /// <summary>Cosine and ReduceOnPlateau: the lowest learning rate, at least 0; 0 unless set.</summary>
    public double MinLearningRate { get; set; }

    /// <summary>OneCycle only, and required: the peak learning rate, greater than 0.</summary>
    public double MaxLearningRate { get; set; }

    /// <summary>OneCycle only: the fraction of the steps spent warming up to <see cref="MaxLearningRate"/>, in (0, 1); 0.3 unless set.</summary>
    public double WarmupFraction { get; set; }

    /// <summary>OneCycle only: the run starts at <c>MaxLearningRate / DivFactor</c>; greater than 0, 25 unless set.</summary>
    public double DivFactor { get; set; }

    /// <summary>OneCycle only: the run ends at <c>MaxLearningRate / (DivFactor * FinalDivFactor)</c>; greater than 0, 10000 unless set.</summary>
    public double FinalDivFactor { get; set; }

    /// <summary>ReduceOnPlateau only: the factor applied on a plateau, in (0, 1); 0.1 unless set.</summary>
    public double Factor { get; set; }

    /// <summary>ReduceOnPlateau only: epochs without improvement before the rate is reduced; at least 1, 10 unless set.</summary>
    public int Patience { get; set; }

    /// <summary>ReduceOnPlateau only: the relative improvement that counts as one, at least 0; 0.0001 unless set.</summary>
    public double Threshold { get; set; }
}
