using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// One call of <c>TrainingLoop.Fit</c>: the run's position (epoch, step, partial loss and term sums), its history and the
/// state of its schedule and early stopping, which is exactly what a checkpoint saves and a resume restores.
/// </summary>
internal sealed class TrainingRun : IDisposable
{
    private readonly nn.Module _model;
    private readonly Optimizer _optimizer;
    private readonly Func<Tensor, BatchObjective> _objective;
    private readonly string _producer;
    private readonly ITrainingData _train;
    private readonly ITrainingData? _validation;
    private readonly TrainingOptions _options;
    private readonly ITrainingObserver? _observer;
    private readonly LearningRateScheduler? _scheduler;
    private readonly EarlyStoppingTracker? _earlyStopping;
    private readonly CheckpointStore? _store;
    private readonly Device _device;
    private readonly long _samples;
    private readonly long _stepsPerEpoch;
    private readonly LowPrecisionCopy? _lowPrecision;

    private int _completedEpochs;
    private long _stepsIntoEpoch;
    private double _epochLossSum;
    private long _epochSamples;
    private TimeSpan _epochDataWait;
    private long _epochRecomputedSteps;
    private readonly TermSums _epochTermSums = new();
    private double? _bestMonitored;
    private bool _stoppedEarly;
    private readonly List<EpochResult> _history = new();
    private string? _lastCheckpoint;
    private string? _resumedFrom;

    public TrainingRun(nn.Module model, Optimizer optimizer, Func<Tensor, BatchObjective> objective, string producer,
        ITrainingData train, ITrainingData? validation, TrainingOptions options)
    {
        _producer = producer;
        _model = model;
        _optimizer = optimizer;
        _objective = objective;
        _train = train;
        _validation = validation;
        _options = options;
        _observer = options.Observer;
        _samples = train.Count;
        _stepsPerEpoch = (_samples + options.BatchSize - 1) / options.BatchSize;
        _device = ModelDevice.Of(model);
        NativeAllocator.KeepFreedMemory();

        options.EarlyStopping?.Validate(nameof(options));
        if (options.MaxSteps is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxSteps, "TrainingOptions.MaxSteps must be positive when set.");
        if (options.GradientClipNorm is { } clip && !(clip > 0 && double.IsFinite(clip)))
            throw new ArgumentOutOfRangeException(nameof(options), clip, "TrainingOptions.GradientClipNorm must be a positive finite number when set.");
        if (options.NonFiniteGradientRetries < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.NonFiniteGradientRetries, "TrainingOptions.NonFiniteGradientRetries cannot be negative.");
        if (options.Schedule is { } schedule)
            _scheduler = LearningRateScheduler.Create(schedule, optimizer.Groups[0].InitialLearningRate, options.Epochs, _stepsPerEpoch);
        if (options.EarlyStopping is { } rule)
            _earlyStopping = new EarlyStoppingTracker(rule);
        if (options.Checkpoints is { } checkpoints)
            _store = new CheckpointStore(checkpoints);
        // Last, as it allocates a second model; its initial weights are overwritten before every step.
        if (options.LowPrecision is { } replica)
            _lowPrecision = new LowPrecisionCopy(replica, model, _device);
    }

    /// <summary>What checkpoints record as the run's precision; null for float32 (as files written before bfloat16 say).</summary>
    private string? PrecisionName => _lowPrecision?.Name;

    public TrainingReport Run(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        if (_store?.ResumePoint() is { } resumePoint)
            Resume(resumePoint);

        bool cancelled = false;
        bool stepLimit = false;
        int? restoredEpoch = null;
        EpochResult? partial = null;
        int startEpoch = _completedEpochs + 1;
        for (int epoch = startEpoch; epoch <= _options.Epochs && !_stoppedEarly; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            if (StepLimitReached)
            {
                stepLimit = true;
                break;
            }

            _observer?.OnEpochStart(epoch, EpochsToRun, _samples);
            var clock = Stopwatch.StartNew();
            long resumedSamples = _epochSamples;
            _model.train();
            var end = TrainEpoch(epoch, cancellationToken);
            if (end == EpochEnd.Cancelled)
            {
                cancelled = true;
                break;
            }

            if (_epochSamples == 0)
                throw new InvalidOperationException($"Every sample of epoch {epoch} was skipped as bad: there is nothing to train on.");
            double trainLoss = _epochLossSum / _epochSamples;
            double samplesPerSecond = (_epochSamples - resumedSamples) / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            // Not cancelled once the epoch's steps are done: its end (history, checkpoint) needs the validation loss,
            // and a checkpoint cannot stand between the last step and the validation. Cancelling takes effect after it.
            var validation = _validation is null
                ? null
                : TrainingLoop.EvaluateObjective(_model, _objective, _producer, _validation, _options.BatchSize, CancellationToken.None);
            double? validationLoss = validation?.Loss;
            var result = new EpochResult(epoch, trainLoss, validationLoss, clock.Elapsed, samplesPerSecond)
            {
                TrainTerms = _epochTermSums.Means(_epochSamples),
                ValidationTerms = validation?.Terms ?? [],
                Samples = _epochSamples,
                SkippedSamples = PositionsReached() - _epochSamples,
                Partial = end == EpochEnd.StepLimit,
                DataWait = _epochDataWait,
                RecomputedSteps = _epochRecomputedSteps,
            };
            if (end == EpochEnd.StepLimit)
            {
                // Reported, not recorded: the checkpoint written on the way out resumes this epoch where it stopped.
                partial = result;
                stepLimit = true;
                _observer?.OnEpochEnd(result);
                break;
            }
            _history.Add(result);

            double monitored = validationLoss ?? trainLoss;
            _scheduler?.EndEpoch(monitored);
            _stoppedEarly = _earlyStopping?.EndEpoch(epoch, monitored, _model) ?? false;
            bool isBest = _bestMonitored is null || monitored < _bestMonitored;
            if (isBest)
                _bestMonitored = monitored;
            _completedEpochs = epoch;
            _stepsIntoEpoch = 0;
            _epochLossSum = 0;
            _epochSamples = 0;
            _epochDataWait = TimeSpan.Zero;
            _epochRecomputedSteps = 0;
            _epochTermSums.Reset();
            _observer?.OnEpochEnd(result);

            // After the observers saw the epoch's own weights; the final checkpoint holds the restored ones, so a
            // finished run resumes to exactly what Fit returned.
            if ((_stoppedEarly || epoch == _options.Epochs) && _earlyStopping?.RestoreInto(_model) == true)
                restoredEpoch = _earlyStopping.State.BestEpoch;
            WriteCheckpoint(epoch, 0, isBest);
        }

        var epochs = new List<EpochResult>(_history);
        if (partial is not null)
            epochs.Add(partial);
        var report = new TrainingReport(epochs.ToArray(), total.Elapsed, cancelled)
        {
            StoppedEarly = _stoppedEarly,
            StoppedAtMaxSteps = stepLimit,
            Steps = StepsTaken,
            RestoredBestEpoch = restoredEpoch,
            ResumedFrom = _resumedFrom,
            LastCheckpoint = _lastCheckpoint,
        };
        _observer?.OnTrainingEnd(report);
        return report;
    }

    private enum EpochEnd
    {
        Completed,
        Cancelled,
        StepLimit,
    }

    /// <summary>Step positions passed since the run began, those before a resume included.</summary>
    private long StepsTaken => (_completedEpochs * _stepsPerEpoch) + _stepsIntoEpoch;

    /// <summary>The epochs this run will reach: fewer than <see cref="TrainingOptions.Epochs"/> when the step limit comes first (progress and ETA show these).</summary>
    private int EpochsToRun => _options.MaxSteps is { } max && _stepsPerEpoch > 0
        ? (int)Math.Min(_options.Epochs, (max + _stepsPerEpoch - 1) / _stepsPerEpoch)
        : _options.Epochs;

    private bool StepLimitReached => _options.MaxSteps is { } max && StepsTaken >= max;

    /// <summary>Samples of the epoch's order passed so far, trained or skipped.</summary>
    private long PositionsReached() => Math.Min(_samples, _stepsIntoEpoch * _options.BatchSize);

    /// <summary>Trains the rest of epoch <paramref name="epoch"/>; stopped early by cancellation or the step limit (after checkpointing the steps done).</summary>
    private EpochEnd TrainEpoch(int epoch, CancellationToken cancellationToken)
    {
        int batchSize = _options.BatchSize;
        long stepsDoneBefore = _stepsIntoEpoch;

        // Owns the epoch's order (and a streaming source's workers); each step gets its own dispose scope so batch,
        // activations and gradients graph are freed as soon as the step ends.
        using var batches = _train.OpenEpoch(new EpochPlan(_options.Seed, epoch, batchSize, _options.Shuffle, _stepsIntoEpoch));
        if (_stepsIntoEpoch > 0)
            _observer?.OnBatchEnd(epoch, PositionsReached());

        for (long step = _stepsIntoEpoch + 1; step <= _stepsPerEpoch; step++)
        {
            var stop = cancellationToken.IsCancellationRequested ? EpochEnd.Cancelled
                : StepLimitReached ? EpochEnd.StepLimit
                : TrainStep(batches, epoch, step, cancellationToken);
            if (stop != EpochEnd.Completed)
            {
                if (_stepsIntoEpoch > stepsDoneBefore)
                    WriteCheckpoint(epoch, _stepsIntoEpoch, isBest: false);
                return stop;
            }

            _observer?.OnBatchEnd(epoch, PositionsReached());
            if (_store?.EverySteps is { } every && step % every == 0 && step < _stepsPerEpoch)
                WriteCheckpoint(epoch, step, isBest: false);
        }
        return EpochEnd.Completed;
    }

    /// <summary>One optimizer step on the next batch; Cancelled when the token fired while waiting for that batch.</summary>
    private EpochEnd TrainStep(IBatchReader batches, int epoch, long step, CancellationToken cancellationToken)
    {
        using var scope = NewDisposeScope();
        var waiting = Stopwatch.StartNew();
        DataBatch? next;
        try
        {
            next = batches.Next(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return EpochEnd.Cancelled;
        }
        _epochDataWait += waiting.Elapsed;
        if (next is null)
            throw new InvalidOperationException($"The training data ended after {step - 1} of the {_stepsPerEpoch} steps of epoch {epoch} ({_samples} samples).");

        if (next.Inputs is { } inputs)
        {
            var batch = inputs.device == _device ? inputs : inputs.to(_device);
            long count = inputs.shape[0];
            if (_scheduler is not null)
                SetLearningRates(_scheduler, epoch, step);
            var (value, terms) = ComputeGradients(batch, epoch, step);
            if (_options.GradientClipNorm is { } maxNorm)
                nn.utils.clip_grad_norm_(_model.parameters(), maxNorm);
            _optimizer.Step();
            _epochLossSum += value * count;
            _epochSamples += count;
            _epochTermSums.Add(terms, count);
        }
        _stepsIntoEpoch = step;
        return EpochEnd.Completed;
    }

    /// <summary>
    /// The batch's loss and terms, with its gradients in the parameters. A finite loss whose gradients are not finite is
    /// recomputed (the same batch, forward and backward) up to NonFiniteGradientRetries times, without oneDNN on a CPU:
    /// its AVX-512 convolution backward now and then returns NaN for channel counts that are not multiples of 16
    /// (docs/troubleshooting.md), and libtorch's own kernels do not. A gradient that is not finite every time stops the run.
    /// A low-precision run computes the step in its copy first, and a recomputation in float32 with oneDNN before that.
    /// </summary>
    private (double Value, double[] Terms) ComputeGradients(Tensor batch, int epoch, long step)
    {
        for (int attempt = 0; ; attempt++)
        {
            _optimizer.ZeroGrad();
            bool lowPrecision = _lowPrecision is not null && attempt == 0;
            int fullPrecisionAttempt = _lowPrecision is null ? attempt : attempt - 1;
            using var kernels = fullPrecisionAttempt > 0 && _device.type == TorchSharp.DeviceType.CPU ? new WithoutMkldnn() : null;
            var objective = lowPrecision ? _lowPrecision!.Forward(batch) : _objective(batch);
            var loss = objective.Loss;
            double value = TensorArguments.ReadScalar(loss, _producer);
            if (!double.IsFinite(value))
                throw new NonFiniteTrainingException(epoch, step, $"the loss ({value})", _lastCheckpoint);
            // Read once each, like the loss; checked before the step so a bad term leaves the weights alone too.
            double[] terms = _epochTermSums.Read(objective.Terms, _producer);
            for (int i = 0; i < terms.Length; i++)
            {
                if (!double.IsFinite(terms[i]))
                    throw new NonFiniteTrainingException(epoch, step,
                        string.Create(CultureInfo.InvariantCulture, $"the term '{objective.Terms[i].Name}' ({terms[i]})"), _lastCheckpoint);
            }
            loss.backward();
            if (lowPrecision)
                _lowPrecision!.HandBack();
            if (NonFiniteSearch.First(NonFiniteSearch.Gradients(_model), name => "the gradient of " + name, "the sum of the gradients") is not { } bad)
                return (value, terms);
            if (attempt >= _options.NonFiniteGradientRetries)
            {
                string retried = attempt == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" (computed {attempt + 1} times)");
                throw new NonFiniteTrainingException(epoch, step, bad + retried, _lastCheckpoint);
            }
            _epochRecomputedSteps++;
        }
    }

    /// <summary>Each parameter group's rate for this step, from the group's own initial rate (as PyTorch's schedulers use each group's base_lr).</summary>
    private void SetLearningRates(LearningRateScheduler scheduler, int epoch, long step)
    {
        foreach (var group in _optimizer.Groups)
            group.LearningRate = scheduler.RateFor(epoch, step, group.InitialLearningRate);
    }

    private void WriteCheckpoint(int epoch, long stepsIntoEpoch, bool isBest)
    {
        if (_store is null)
            return;
        const string NotWritten = " (found before writing a checkpoint, which was not written)";
        if (NonFiniteSearch.First(NonFiniteSearch.Weights(_model), name => "parameter " + name + NotWritten, "the sum of the weights" + NotWritten) is { } bad)
            throw new NonFiniteTrainingException(epoch, Math.Max(stepsIntoEpoch, 1), bad, _lastCheckpoint);

        var header = new CheckpointHeader
        {
            ModelFingerprint = _options.ModelFingerprint,
            Precision = PrecisionName,
            Optimizer = _optimizer.Name,
            Seed = _options.Seed,
            BatchSize = _options.BatchSize,
            Shuffle = _options.Shuffle,
            TrainSamples = _samples,
            TrainData = _train.Identity,
            Epochs = _options.Epochs,
            CompletedEpochs = _completedEpochs,
            StepsIntoEpoch = _stepsIntoEpoch,
            EpochLossSum = _epochLossSum,
            EpochSamples = _epochSamples,
            EpochTermSums = [.. _epochTermSums.Sums()],
            Plateau = _scheduler?.State,
            EarlyStopping = _earlyStopping?.State,
            BestMonitoredLoss = _bestMonitored,
            StoppedEarly = _stoppedEarly,
            History = _history,
        };
        var bytes = CheckpointWriter.Serialize(header, _model, _optimizer, _earlyStopping?.BestWeights);
        _lastCheckpoint = _store.Write(bytes, _completedEpochs, _stepsIntoEpoch, isBest);
        _observer?.OnCheckpoint(_lastCheckpoint);
    }

    private void Resume(string path)
    {
        using var loaded = LoadedCheckpoint.Read(path, _model, _optimizer, _options.ModelFingerprint);
        var header = loaded.Header;
        RequireSame(path, "seed", header.Seed, _options.Seed);
        RequireSame(path, "batch size", header.BatchSize, _options.BatchSize);
        RequireSame(path, "shuffle", header.Shuffle, _options.Shuffle);
        RequireSame(path, "precision", header.Precision ?? Float32, PrecisionName ?? Float32);
        RequireSame(path, "number of training samples", header.TrainSamples, _samples);
        RequireSame(path, "training data", header.TrainData ?? InMemory, _train.Identity ?? InMemory);
        if (header.StepsIntoEpoch >= _stepsPerEpoch)
            throw CheckpointContainer.Bad(path, $"it is {header.StepsIntoEpoch} steps into an epoch of {_stepsPerEpoch} steps");
        if ((header.EarlyStopping is null) != (_earlyStopping is null))
            throw NotThisRun(path, "early stopping is " + (_earlyStopping is null ? "off in this run but was on" : "on in this run but was off"));
        if (_earlyStopping?.KeepsBestWeights == true && header.EarlyStopping?.BestEpoch > 0 && loaded.BestWeights is null)
            throw NotThisRun(path, "this run restores early stopping's best weights, and the checkpoint holds none");

        loaded.ApplyWeights(_model);
        loaded.ApplyTrainingState(_optimizer);
        _scheduler?.Restore(header.Plateau);
        if (header.EarlyStopping is { } counters)
            _earlyStopping?.Restore(counters, loaded.TakeBestWeights());
        if (_scheduler is not null && header.StepsIntoEpoch > 0)
            SetLearningRates(_scheduler, header.CompletedEpochs + 1, header.StepsIntoEpoch);

        _completedEpochs = header.CompletedEpochs;
        _stepsIntoEpoch = header.StepsIntoEpoch;
        _epochLossSum = header.EpochLossSum;
        _epochSamples = header.EpochSamples ?? Math.Min(_samples, header.StepsIntoEpoch * _options.BatchSize);
        if (header.StepsIntoEpoch > 0)
            _epochTermSums.Restore(header.EpochTermSums);
        _bestMonitored = header.BestMonitoredLoss;
        _stoppedEarly = header.StoppedEarly;
        _history.AddRange(header.History);
        _lastCheckpoint = path;
        _resumedFrom = path;
        _observer?.OnResumed(path, header.CompletedEpochs, header.StepsIntoEpoch);
    }

    private const string InMemory = "an in-memory tensor";
    private static readonly string Float32 = LowPrecisionCopy.NameOf(TrainingPrecision.Float32);

    private static void RequireSame<T>(string path, string what, T inFile, T inRun) where T : IEquatable<T>
    {
        if (!inFile.Equals(inRun))
            throw NotThisRun(path, $"its {what} is {inFile} and this run's is {inRun}, so it cannot continue exactly");
    }

    private static InvalidOperationException NotThisRun(string path, string reason) =>
        new($"Checkpoint '{path}' does not belong to this run: {reason}. Nothing was loaded; " +
            "use another CheckpointOptions.Directory to start a new run.");

    public void Dispose()
    {
        _earlyStopping?.Dispose();
        _lowPrecision?.Dispose();
    }

    /// <summary>libtorch's own CPU kernels instead of oneDNN's while it lives (for a recomputed step).</summary>
    private sealed class WithoutMkldnn : IDisposable
    {
        private readonly bool _changed = TorchNative.SetMkldnnEnabled(false);

        public void Dispose()
        {
            if (_changed)
                TorchNative.SetMkldnnEnabled(true);
        }
    }
}
