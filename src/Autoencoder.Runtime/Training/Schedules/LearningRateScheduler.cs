using System;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Computes the learning rate of every step of a run from a <see cref="LearningRateSchedule"/>. Step and cosine
/// schedules and one-cycle are closed-form in the step's position; only reduce-on-plateau carries state, and that
/// state is what a checkpoint saves (<see cref="State"/>).
/// </summary>
internal sealed class LearningRateScheduler
{
    private readonly LearningRateSchedule _schedule;
    private readonly double _baseRate;
    private readonly long _totalSteps;
    private readonly long _stepsPerEpoch;
    private PlateauState _plateau;

    private LearningRateScheduler(LearningRateSchedule schedule, double baseRate, int epochs, long stepsPerEpoch)
    {
        _schedule = schedule;
        _baseRate = baseRate;
        _stepsPerEpoch = stepsPerEpoch;
        _totalSteps = Math.Max(1, epochs * stepsPerEpoch);
        _plateau = new PlateauState(baseRate, double.PositiveInfinity, 0);
    }

    /// <summary>Plateau bookkeeping: the current rate, the best monitored loss and the epochs since it improved.</summary>
    public sealed record PlateauState(double Rate, double Best, int BadEpochs);

    /// <summary>Checks the schedule's parameters; the DSL validates declared ones when the code compiles, this catches options set in code.</summary>
    public static LearningRateScheduler Create(LearningRateSchedule schedule, double baseRate, int epochs, long stepsPerEpoch)
    {
        string? problem = schedule switch
        {
            StepSchedule s when s.StepSize < 1 => $"StepSchedule.StepSize must be at least 1 (was {s.StepSize})",
            StepSchedule s when !(s.Gamma > 0 && s.Gamma <= 1) => $"StepSchedule.Gamma must be in (0, 1] (was {s.Gamma})",
            CosineSchedule c when !(c.MinLearningRate >= 0) => $"CosineSchedule.MinLearningRate must not be negative (was {c.MinLearningRate})",
            OneCycleSchedule o when !(o.MaxLearningRate > 0) => $"OneCycleSchedule.MaxLearningRate must be positive (was {o.MaxLearningRate})",
            OneCycleSchedule o when !(o.WarmupFraction > 0 && o.WarmupFraction < 1) => $"OneCycleSchedule.WarmupFraction must be in (0, 1) (was {o.WarmupFraction})",
            OneCycleSchedule o when !(o.DivFactor > 0 && o.FinalDivFactor > 0) => "OneCycleSchedule.DivFactor and FinalDivFactor must be positive",
            ReduceOnPlateauSchedule p when !(p.Factor > 0 && p.Factor < 1) => $"ReduceOnPlateauSchedule.Factor must be in (0, 1) (was {p.Factor})",
            ReduceOnPlateauSchedule p when p.Patience < 0 => $"ReduceOnPlateauSchedule.Patience must not be negative (was {p.Patience})",
            ReduceOnPlateauSchedule p when !(p.Threshold >= 0 && p.MinLearningRate >= 0) => "ReduceOnPlateauSchedule.Threshold and MinLearningRate must not be negative",
            StepSchedule or CosineSchedule or OneCycleSchedule or ReduceOnPlateauSchedule => null,
            _ => $"{schedule.GetType().Name} is not a schedule this runtime knows",
        };
        if (problem is not null)
            throw new ArgumentException(problem + ".", nameof(schedule));
        return new LearningRateScheduler(schedule, baseRate, epochs, stepsPerEpoch);
    }

    /// <summary>The reduce-on-plateau state to checkpoint; null for the stateless schedules.</summary>
    public PlateauState? State => _schedule is ReduceOnPlateauSchedule ? _plateau : null;

    /// <summary>Continues from a checkpointed state.</summary>
    public void Restore(PlateauState? state)
    {
        if (_schedule is ReduceOnPlateauSchedule && state is not null)
            _plateau = state;
    }

    /// <summary>
    /// The rate for step <paramref name="step"/> (1-based) of epoch <paramref name="epoch"/> (1-based) of a parameter group
    /// that started at <paramref name="baseRate"/>. One-cycle sets every group to its own absolute rates; reduce-on-plateau
    /// scales a group by the reductions so far (the state follows the first group's rate), floored at its minimum.
    /// </summary>
    public double RateFor(int epoch, long step, double baseRate)
    {
        long t = ((epoch - 1) * _stepsPerEpoch) + (step - 1); // 0-based position in the run
        switch (_schedule)
        {
            case StepSchedule s:
                return baseRate * Math.Pow(s.Gamma, (epoch - 1) / s.StepSize);
            case CosineSchedule c:
                return Cosine(baseRate, c.MinLearningRate, Math.Min(1.0, (double)t / _totalSteps));
            case OneCycleSchedule o:
                return OneCycle(o, t);
            case ReduceOnPlateauSchedule p when baseRate != _baseRate && _baseRate > 0:
                return Math.Max(baseRate * (_plateau.Rate / _baseRate), p.MinLearningRate);
            default:
                return _plateau.Rate;
        }
    }

    /// <summary>Reduce-on-plateau looks at the monitored loss once per epoch; the other schedules ignore it.</summary>
    public void EndEpoch(double monitoredLoss)
    {
        if (_schedule is not ReduceOnPlateauSchedule p)
            return;
        var (rate, best, bad) = _plateau;
        if (monitoredLoss < best * (1 - p.Threshold))
        {
            best = monitoredLoss;
            bad = 0;
        }
        else
        {
            bad++;
        }

        if (bad > p.Patience)
        {
            rate = Math.Max(rate * p.Factor, p.MinLearningRate);
            bad = 0;
        }
        _plateau = new PlateauState(rate, best, bad);
    }

    private static double Cosine(double from, double to, double progress) =>
        to + ((from - to) * (1 + Math.Cos(Math.PI * progress)) / 2);

    // PyTorch's OneCycleLR (cos annealing, two phases): warm up to the peak at step pct*T - 1, then anneal to the
    // final rate at step T - 1.
    private double OneCycle(OneCycleSchedule o, long t)
    {
        double initial = o.MaxLearningRate / o.DivFactor;
        double final = initial / o.FinalDivFactor;
        double peakStep = (o.WarmupFraction * _totalSteps) - 1;
        double lastStep = _totalSteps - 1;
        if (t <= peakStep)
            return Cosine(initial, o.MaxLearningRate, peakStep <= 0 ? 1 : t / peakStep);
        return Cosine(o.MaxLearningRate, final, Math.Min(1.0, (t - peakStep) / Math.Max(lastStep - peakStep, 1e-12)));
    }
}
