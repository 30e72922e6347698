using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Passes every callback to several observers, in the order they were added.
/// Owns them: <see cref="Dispose"/> disposes those that are <see cref="IDisposable"/>, last added first.
/// </summary>
/// <remarks>
/// Observers can be added after the group is handed to a trainer: the generated <c>Trainer.Create</c> builds the
/// model, and observers that render or measure that model can only be made once it exists. Do not add during
/// <c>TrainingLoop.Fit</c>.
/// </remarks>
public sealed class CompositeObserver : ITrainingObserver, IDisposable
{
    private readonly List<ITrainingObserver> _observers = new();
    private bool _disposed;

    /// <summary>Creates a group of the given observers.</summary>
    public CompositeObserver(params ITrainingObserver[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        foreach (var observer in observers)
        {
            Add(observer);
        }
    }

    /// <summary>The observers, in call order.</summary>
    public IReadOnlyList<ITrainingObserver> Observers => _observers;

    /// <summary>Adds an observer that is called after the ones already in the group.</summary>
    public void Add(ITrainingObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _observers.Add(observer);
    }

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
        foreach (var observer in _observers)
        {
            observer.OnEpochStart(epoch, totalEpochs, samplesPerEpoch);
        }
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
        // A plain loop: this runs after every optimizer step.
        for (var i = 0; i < _observers.Count; i++)
        {
            _observers[i].OnBatchEnd(epoch, samplesSoFar);
        }
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
        foreach (var observer in _observers)
        {
            observer.OnEpochEnd(result);
        }
    }

    /// <inheritdoc />
    public void OnTrainingEnd(TrainingReport report)
    {
        foreach (var observer in _observers)
        {
            observer.OnTrainingEnd(report);
        }
    }

    /// <inheritdoc/>
    public void OnCheckpoint(string path)
    {
        foreach (var observer in _observers)
        {
            observer.OnCheckpoint(path);
        }
    }

    /// <inheritdoc/>
    public void OnResumed(string path, int completedEpochs, long stepsIntoEpoch)
    {
        foreach (var observer in _observers)
        {
            observer.OnResumed(path, completedEpochs, stepsIntoEpoch);
        }
    }

    /// <summary>Disposes the disposable observers in reverse order; every one is disposed even if one throws.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        List<Exception>? errors = null;
        for (var i = _observers.Count - 1; i >= 0; i--)
        {
            try
            {
                (_observers[i] as IDisposable)?.Dispose();
            }
            catch (Exception e)
            {
                (errors ??= new()).Add(e);
            }
        }

        if (errors is { Count: 1 })
        {
            ExceptionDispatchInfo.Throw(errors[0]);
        }

        if (errors is not null)
        {
            throw new AggregateException(errors);
        }
    }
}
