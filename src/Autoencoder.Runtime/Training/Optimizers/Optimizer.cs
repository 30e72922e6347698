using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// An optimizer over parameter groups, with PyTorch's update rules, whose every number reaches libtorch as a
/// <see cref="Scalar"/> held for the whole native call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's own optimizers pass numbers as temporary Scalars that nothing keeps alive; a garbage collection on
/// any thread can free one during the call (<c>Expected false to be true ... Scalar.h</c>). These replace them for training.
/// Their state is saved in the layout TorchSharp's optimizers use (docs/scalar-lifetimes.md), so checkpoints written before
/// still resume.
/// </remarks>
public abstract class Optimizer : IDisposable
{
    private readonly ParameterGroup[] _groups;
    private bool _disposed;

    private protected Optimizer(string name, IEnumerable<ParameterGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        Name = name;
        _groups = groups.ToArray();
        if (_groups.Length == 0)
            throw new ArgumentException("An optimizer needs at least one parameter group.", nameof(groups));
        var seen = new HashSet<IntPtr>();
        foreach (var parameter in _groups.SelectMany(g => g.Parameters))
        {
            if (!seen.Add(parameter.Handle))
                throw new ArgumentException("A parameter appears twice among the optimizer's parameter groups.", nameof(groups));
        }
        ParameterCount = seen.Count;
    }

    /// <summary>The name written into checkpoints with the state: <c>Adam</c>, <c>AdamW</c> or <c>SGD</c>.</summary>
    public string Name { get; }

    /// <summary>The parameter groups, in the order their state is saved.</summary>
    public IReadOnlyList<ParameterGroup> Groups => _groups;

    /// <summary>How many parameters the groups hold.</summary>
    public int ParameterCount { get; }

    /// <summary>Zeroes every parameter's gradient (as PyTorch's <c>zero_grad(set_to_none=False)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _groups.SelectMany(g => g.Parameters))
        {
            using var grad = parameter.grad;
            grad?.zero_();
        }
    }

    /// <summary>Updates every parameter that has a gradient, without recording the update for autograd.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        int index = 0;
        foreach (var group in _groups)
        {
            foreach (var parameter in group.Parameters)
            {
                var grad = parameter.grad;
                if (grad is not null)
                    Update(group, index, parameter, grad);
                index++;
            }
        }
    }

    /// <summary>One parameter's update; <paramref name="index"/> counts parameters across the groups.</summary>
    private protected abstract void Update(ParameterGroup group, int index, Parameter parameter, Tensor grad);

    /// <summary>
    /// Writes the groups' rates and settings and every parameter's state: the optimizer's name, the number of groups and
    /// of parameters (LEB128), each group's options, then each parameter's state (TorchSharp's optimizer layout).
    /// </summary>
    public void SaveState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Name);
        StateFormat.WriteCount(writer, _groups.Length);
        StateFormat.WriteCount(writer, ParameterCount);
        foreach (var group in _groups)
        {
            writer.Write(group.InitialLearningRate);
            writer.Write(group.LearningRate);
            WriteOptions(writer, group);
        }
        for (int i = 0; i < ParameterCount; i++)
            WriteParameterState(writer, i);
    }

    /// <summary>
    /// Restores what <see cref="SaveState"/> wrote, all or nothing: the whole stream is read and checked (name, counts,
    /// settings, every tensor's type and shape) before anything changes.
    /// </summary>
    /// <exception cref="InvalidDataException">The state is for another optimizer, other settings or other parameters,
    /// or is truncated; the message says which, prefixed with <paramref name="source"/>.</exception>
    public void LoadState(BinaryReader reader, string source)
    {
        using var loaded = ReadState(reader, source);
        Apply(loaded);
    }

    /// <summary>Reads and checks saved state without applying it; <see cref="Apply"/> then cannot fail.</summary>
    internal LoadedState ReadState(BinaryReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var states = new List<IDisposable>();
        try
        {
            string name = reader.ReadString();
            if (name != Name)
                throw StateFormat.Bad(source, $"it holds {name} optimizer state, and this optimizer is {Name}");
            long groups = StateFormat.ReadCount(reader);
            long parameters = StateFormat.ReadCount(reader);
            if (groups != _groups.Length || parameters != ParameterCount)
                throw StateFormat.Bad(source, $"it holds {groups} parameter groups with {parameters} parameters, and this optimizer has {_groups.Length} with {ParameterCount}");

            var rates = new (double Initial, double Current)[_groups.Length];
            for (int g = 0; g < _groups.Length; g++)
            {
                rates[g] = (reader.ReadDouble(), reader.ReadDouble());
                ReadOptions(reader, _groups[g], g, source);
            }

            int index = 0;
            foreach (var parameter in _groups.SelectMany(g => g.Parameters))
                states.Add(ReadParameterState(reader, index++, parameter, source));
            if (reader.BaseStream.CanSeek && reader.BaseStream.Position != reader.BaseStream.Length)
                throw StateFormat.Bad(source, "it has bytes after the last parameter's state");

            var loaded = new LoadedState(rates, [.. states]);
            states.Clear();
            return loaded;
        }
        catch (EndOfStreamException)
        {
            throw StateFormat.Bad(source, "it ends early");
        }
        finally
        {
            foreach (var state in states)
                state.Dispose();
        }
    }

    /// <summary>Replaces the rates and state with what <see cref="ReadState(BinaryReader, string)"/> read; <paramref name="loaded"/> is emptied.</summary>
    internal void Apply(LoadedState loaded)
    {
        for (int g = 0; g < _groups.Length; g++)
        {
            _groups[g].InitialLearningRate = loaded.Rates[g].Initial;
            _groups[g].LearningRate = loaded.Rates[g].Current;
        }
        for (int i = 0; i < loaded.States.Length; i++)
            ReplaceParameterState(i, loaded.Take(i));
    }

    /// <summary>Optimizer state read from a stream and checked, not yet applied; owns its tensors until applied.</summary>
    internal sealed class LoadedState((double Initial, double Current)[] rates, IDisposable?[] states) : IDisposable
    {
        public (double Initial, double Current)[] Rates { get; } = rates;

        public IDisposable?[] States { get; } = states;

        public IDisposable Take(int index)
        {
            var state = States[index] ?? throw new InvalidOperationException("This optimizer state was already applied.");
            States[index] = null;
            return state;
        }

        public void Dispose()
        {
            foreach (var state in States)
                state?.Dispose();
        }
    }

    /// <summary>Writes the group's settings after its two rates.</summary>
    private protected abstract void WriteOptions(BinaryWriter writer, ParameterGroup group);

    /// <summary>Reads and checks the group's settings: a checkpoint of another configuration is refused, never adopted.</summary>
    private protected abstract void ReadOptions(BinaryReader reader, ParameterGroup group, int groupIndex, string source);

    private protected abstract void WriteParameterState(BinaryWriter writer, int index);

    /// <summary>Reads parameter <paramref name="index"/>'s state into new tensors, leaving the current state alone.</summary>
    private protected abstract IDisposable ReadParameterState(BinaryReader reader, int index, Parameter parameter, string source);

    /// <summary>Takes ownership of a state <see cref="ReadParameterState"/> returned, disposing the one it replaces.</summary>
    private protected abstract void ReplaceParameterState(int index, IDisposable state);

    private protected abstract void DisposeState();

    /// <summary>Frees the optimizer's state tensors.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        DisposeState();
        GC.SuppressFinalize(this);
    }
}
