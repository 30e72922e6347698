using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Sample-weighted sums of an objective's named terms, as the loop keeps one for the loss. The names are fixed by the
/// first batch (or a checkpoint) and every later batch must bring the same names in the same order: a term that came
/// and went would make its epoch mean a mean over some batches only.
/// </summary>
internal sealed class TermSums
{
    /// <summary>A term may not be called this: the logs already have a column of that name for the loss.</summary>
    private const string ReservedName = "loss";

    private string[]? _names;
    private double[] _sums = [];

    /// <summary>The terms' names, or null before the first batch.</summary>
    public IReadOnlyList<string>? Names => _names;

    /// <summary>
    /// Checks <paramref name="terms"/> against the names seen so far and reads each term's value (one scalar read each;
    /// the values are not yet added). <paramref name="producer"/> names the objective in messages.
    /// </summary>
    /// <exception cref="InvalidOperationException">A duplicate or empty name, a non-scalar term, or names that differ from earlier batches.</exception>
    public double[] Read(IReadOnlyList<LossTerm> terms, string producer)
    {
        if (_names is null)
        {
            _names = CheckNames(terms, producer);
            _sums = new double[_names.Length];
        }
        else if (!SameNames(terms, _names))
        {
            throw new InvalidOperationException(
                $"{producer} returned the terms ({string.Join(", ", terms.Select(t => t.Name))}) but earlier batches returned " +
                $"({string.Join(", ", _names)}); every batch must return the same terms in the same order.");
        }

        var values = new double[terms.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var value = terms[i].Value ?? throw new InvalidOperationException($"{producer} returned the term '{terms[i].Name}' without a tensor.");
            if (value.numel() != 1)
                throw new InvalidOperationException(
                    $"{producer} returned the term '{terms[i].Name}' with shape {TensorArguments.Format(value.shape)}; a term must be a scalar (one element).");
            values[i] = TensorArguments.ReadScalar(value, producer);
        }
        return values;
    }

    /// <summary>Adds a batch of <paramref name="count"/> samples whose term means are <paramref name="values"/>.</summary>
    public void Add(double[] values, long count)
    {
        for (int i = 0; i < values.Length; i++)
            _sums[i] += values[i] * count;
    }

    /// <summary>The sums divided by <paramref name="samples"/>; empty before any batch.</summary>
    public ImmutableArray<TermValue> Means(long samples) => Select(sum => sum / samples);

    /// <summary>The sums themselves, for a checkpoint.</summary>
    public ImmutableArray<TermValue> Sums() => Select(sum => sum);

    /// <summary>Starts a new epoch: sums to zero, names kept.</summary>
    public void Reset() => Array.Clear(_sums);

    /// <summary>Continues from a checkpoint's sums; an empty list leaves the names to the next batch.</summary>
    public void Restore(IReadOnlyList<TermValue> sums)
    {
        if (sums.Count == 0)
            return;
        _names = sums.Select(s => s.Name).ToArray();
        _sums = sums.Select(s => s.Value).ToArray();
    }

    private ImmutableArray<TermValue> Select(Func<double, double> value)
    {
        if (_names is null)
            return ImmutableArray<TermValue>.Empty;
        var builder = ImmutableArray.CreateBuilder<TermValue>(_names.Length);
        for (int i = 0; i < _names.Length; i++)
            builder.Add(new TermValue(_names[i], value(_sums[i])));
        return builder.MoveToImmutable();
    }

    private static string[] CheckNames(IReadOnlyList<LossTerm> terms, string producer)
    {
        var names = new string[terms.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            string name = terms[i].Name;
            if (string.IsNullOrWhiteSpace(name))
                throw new InvalidOperationException($"{producer} returned a term without a name (term {i + 1} of {terms.Count}).");
            if (name == ReservedName)
                throw new InvalidOperationException($"{producer} returned a term named '{ReservedName}'; that name is the loss's own in the logs, so give the term another.");
            if (!seen.Add(name))
                throw new InvalidOperationException($"{producer} returned two terms named '{name}'; term names must be unique.");
            names[i] = name;
        }
        return names;
    }

    private static bool SameNames(IReadOnlyList<LossTerm> terms, string[] names)
    {
        if (terms.Count != names.Length)
            return false;
        for (int i = 0; i < names.Length; i++)
        {
            if (!string.Equals(terms[i].Name, names[i], StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
