using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Follows the monitored loss epoch by epoch for <see cref="EarlyStopping"/>, and keeps a copy of the best epoch's
/// weights when they are to be restored. Its counters go into checkpoints, the best weights too.
/// </summary>
internal sealed class EarlyStoppingTracker : System.IDisposable
{
    private readonly EarlyStopping _rule;
    private Dictionary<string, Tensor>? _bestWeights;

    public EarlyStoppingTracker(EarlyStopping rule) => _rule = rule;

    /// <summary>The counters a checkpoint saves.</summary>
    public sealed record Counters(double Best, int BestEpoch, int EpochsWithoutImprovement);

    public Counters State { get; private set; } = new(double.PositiveInfinity, 0, 0);

    public bool KeepsBestWeights => _rule.RestoreBestWeights;

    /// <summary>The best epoch's weights (detached copies), or null before the first epoch or when not kept.</summary>
    public IReadOnlyDictionary<string, Tensor>? BestWeights => _bestWeights;

    /// <summary>Records an epoch's monitored loss; true when training should stop now.</summary>
    public bool EndEpoch(int epoch, double monitoredLoss, nn.Module model)
    {
        var (best, bestEpoch, without) = State;
        if (monitoredLoss < best - _rule.MinDelta)
        {
            State = new Counters(monitoredLoss, epoch, 0);
            if (_rule.RestoreBestWeights)
                KeepWeights(model.state_dict());
            return false;
        }

        State = new Counters(best, bestEpoch, without + 1);
        return without + 1 >= _rule.Patience;
    }

    /// <summary>Continues from a checkpoint; takes ownership of <paramref name="bestWeights"/>.</summary>
    public void Restore(Counters state, Dictionary<string, Tensor>? bestWeights)
    {
        State = state;
        Replace(bestWeights);
    }

    /// <summary>Copies the best weights back into the model; false when there are none to restore.</summary>
    public bool RestoreInto(nn.Module model)
    {
        if (_bestWeights is null)
            return false;
        using var noGrad = no_grad();
        var target = model.state_dict();
        foreach (var (name, value) in _bestWeights)
            target[name].copy_(value);
        return true;
    }

    private void KeepWeights(Dictionary<string, Tensor> current)
    {
        var copy = new Dictionary<string, Tensor>(current.Count);
        using (no_grad())
        {
            foreach (var (name, value) in current)
                copy[name] = value.detach().clone().DetachFromDisposeScope();
        }
        Replace(copy);
    }

    private void Replace(Dictionary<string, Tensor>? weights)
    {
        if (_bestWeights is not null)
        {
            foreach (var value in _bestWeights.Values)
                value.Dispose();
        }
        _bestWeights = weights;
    }

    public void Dispose() => Replace(null);
}
