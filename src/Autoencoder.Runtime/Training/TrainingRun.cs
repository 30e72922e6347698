using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Autoencoder.Runtime.Training.Optimizers;
using TorchSharp;
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
    private readonly Tensor _train;
    private readonly Tensor? _validation;
    private readonly TrainingOptions _options;
    private readonly ITrainingObserver? _observer;
    private readonly LearningRateScheduler? _scheduler;
    private readonly EarlyStoppingTracker? _earlyStopping;
    private readonly CheckpointStore? _store;
    private readonly Device _device;
    private readonly bool _moveBatches;
    private readonly long _samples;
    private readonly long _stepsPerEpoch;

    private int _completedEpochs;
    private long _stepsIntoEpoch;
    private double _epochLossSum;
    private readonly TermSums _epochTermSums = new();
    private double? _bestMonitored;
    private bool _stoppedEarly;
    private readonly List<EpochResult> _history = new();
    private string? _lastCheckpoint;
    private string? _resumedFrom;

    public TrainingRun(nn.Module model, Optimizer optimizer, Func<Tensor, BatchObjective> objective, string producer,
        Tensor train, Tensor? validation, TrainingOptions options)
    {
        _producer = producer;
        _model = model;
        _optimizer = optimizer;
        _objective = objective;
        _train = train;
        _validation = validation;
        _options = options;
        _observer = options.Observer;
        _samples = train.shape[0];
        _stepsPerEpoch = (_samples + options.BatchSize - 1) / options.BatchSize;
        _device = ModelDevice.Of(model);
        _moveBatches = train.device != _device;

        options.EarlyStopping?.Validate(nameof(options));
        if (options.GradientClipNorm is { } clip && !(clip > 0 && double.IsFinite(clip)))
            throw new ArgumentOutOfRangeException(nameof(options), clip, "TrainingOptions.GradientClipNorm must be a positive finite number when set.");
        if (options.Schedule is { } schedule)
            _scheduler = LearningRateScheduler.Create(schedule, optimizer.Groups[0].InitialLearningRate, options.Epochs, _stepsPerEpoch);
        if (options.EarlyStopping is { } rule)
            _earlyStopping = new EarlyStoppingTracker(rule);
        if (options.Checkpoints is { } checkpoints)
            _store = new CheckpointStore(checkpoints);
    }

    public TrainingReport Run(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        if (_store?.ResumePoint() is { } resumePoint)
            Resume(resumePoint);

        bool cancelled = false;
        int? restoredEpoch = null;
        int startEpoch = _completedEpochs + 1;
        for (int epoch = startEpoch; epoch <= _options.Epochs && !_stoppedEarly; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            _observer?.OnEpochStart(epoch, _options.Epochs, _samples);
            var clock = Stopwatch.StartNew();
            long resumedSteps = _stepsIntoEpoch;
            _model.train();
            if (!TrainEpoch(epoch, cancellationToken))
            {
                cancelled = true;
                break;
            }

            double trainLoss = _epochLossSum / _samples;
            long trainedHere = _samples - Math.Min(_samples, resumedSteps * _options.BatchSize);
            double samplesPerSecond = trainedHere / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            var validation = _validation is null
                ? null
                : TrainingLoop.EvaluateObjective(_model, _objective, _producer, _validation, _options.BatchSize);
            double? validationLoss = validation?.Loss;
            var result = new EpochResult(epoch, trainLoss, validationLoss, clock.Elapsed, samplesPerSecond)
            {
                TrainTerms = _epochTermSums.Means(_samples),
                ValidationTerms = validation?.Terms ?? [],
            };
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
            _epochTermSums.Reset();
            _observer?.OnEpochEnd(result);

            // After the observers saw the epoch's own weights; the final checkpoint holds the restored ones, so a
            // finished run resumes to exactly what Fit returned.
            if ((_stoppedEarly || epoch == _options.Epochs) && _earlyStopping?.RestoreInto(_model) == true)
                restoredEpoch = _earlyStopping.State.BestEpoch;
            WriteCheckpoint(epoch, 0, isBest);
        }

        var report = new TrainingReport(_history.ToArray(), total.Elapsed, cancelled)
        {
            StoppedEarly = _stoppedEarly,
            RestoredBestEpoch = restoredEpoch,
            ResumedFrom = _resumedFrom,
            LastCheckpoint = _lastCheckpoint,
        };
        _observer?.OnTrainingEnd(report);
        return report;
    }

    /// <summary>Trains the rest of epoch <paramref name="epoch"/>; false when cancelled (after checkpointing the steps done).</summary>
    private bool TrainEpoch(int epoch, CancellationToken cancellationToken)
    {
        int batchSize = _options.BatchSize;
        long stepsDoneBefore = _stepsIntoEpoch;

        // Owns the epoch's permutation; each step gets its own inner scope so batch, activations and gradients
        // graph are freed as soon as the step ends.
        using var epochScope = NewDisposeScope();
        Tensor? order = _options.Shuffle ? ShuffledOrder(epoch) : null;
        if (_stepsIntoEpoch > 0)
            _observer?.OnBatchEnd(epoch, Math.Min(_samples, _stepsIntoEpoch * batchSize));

        for (long step = _stepsIntoEpoch + 1; step <= _stepsPerEpoch; step++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                if (_stepsIntoEpoch > stepsDoneBefore)
                    WriteCheckpoint(epoch, _stepsIntoEpoch, isBest: false);
                return false;
            }

            long start = (step - 1) * batchSize;
            long count = Math.Min(batchSize, _samples - start);
            using (NewDisposeScope())
            {
                var batch = order is null
                    ? _train.narrow(0, start, count)
                    : _train.index_select(0, order.narrow(0, start, count));
                if (_moveBatches)
                    batch = batch.to(_device);
                if (_scheduler is not null)
                    SetLearningRates(_scheduler, epoch, step);
                _optimizer.ZeroGrad();
                var objective = _objective(batch);
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
                if (NonFiniteSearch.First(NonFiniteSearch.Gradients(_model), name => "the gradient of " + name, "the sum of the gradients") is { } bad)
                    throw new NonFiniteTrainingException(epoch, step, bad, _lastCheckpoint);
                if (_options.GradientClipNorm is { } maxNorm)
                    nn.utils.clip_grad_norm_(_model.parameters(), maxNorm);
                _optimizer.Step();
                _epochLossSum += value * count;
                _epochTermSums.Add(terms, count);
                _stepsIntoEpoch = step;
            }

            _observer?.OnBatchEnd(epoch, start + count);
            if (_store?.EverySteps is { } every && step % every == 0 && step < _stepsPerEpoch)
                WriteCheckpoint(epoch, step, isBest: false);
        }
        return true;
    }

    /// <summary>
    /// Each epoch's order comes from its own generator seeded from the run's seed and the epoch number, so a run resumed
    /// in the middle of an epoch visits the remaining samples in the order the uninterrupted run would have.
    /// </summary>
    private Tensor ShuffledOrder(int epoch)
    {
        ulong seed = unchecked(((ulong)_options.Seed * 0x9E3779B97F4A7C15UL) + (ulong)epoch);
        using var generator = new Generator(seed);
        var order = randperm(_samples, generator: generator);
        return _train.device.type == DeviceType.CPU ? order : order.to(_train.device);
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
            Optimizer = _optimizer.Name,
            Seed = _options.Seed,
            BatchSize = _options.BatchSize,
            Shuffle = _options.Shuffle,
            TrainSamples = _samples,
            Epochs = _options.Epochs,
            CompletedEpochs = _completedEpochs,
            StepsIntoEpoch = _stepsIntoEpoch,
            EpochLossSum = _epochLossSum,
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
        RequireSame(path, "number of training samples", header.TrainSamples, _samples);
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
        if (header.StepsIntoEpoch > 0)
            _epochTermSums.Restore(header.EpochTermSums);
        _bestMonitored = header.BestMonitoredLoss;
        _stoppedEarly = header.StoppedEarly;
        _history.AddRange(header.History);
        _lastCheckpoint = path;
        _resumedFrom = path;
        _observer?.OnResumed(path, header.CompletedEpochs, header.StepsIntoEpoch);
    }

    private static void RequireSame<T>(string path, string what, T inFile, T inRun) where T : IEquatable<T>
    {
        if (!inFile.Equals(inRun))
            throw NotThisRun(path, $"its {what} is {inFile} and this run's is {inRun}, so it cannot continue exactly");
    }

    private static InvalidOperationException NotThisRun(string path, string reason) =>
        new($"Checkpoint '{path}' does not belong to this run: {reason}. Nothing was loaded; " +
            "use another CheckpointOptions.Directory to start a new run.");

    public void Dispose() => _earlyStopping?.Dispose();
}
