using System;
using System.Collections.Generic;
using System.Linq;
using Shouldly;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>A copy of a module's state_dict(), to compare the module with later.</summary>
internal sealed class ModuleState : IDisposable
{
    private readonly Dictionary<string, Tensor> _copies;

    private ModuleState(Dictionary<string, Tensor> copies) => _copies = copies;

    public static ModuleState Of(nn.Module model) =>
        new(model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone()));

    /// <summary>The module has exactly these names, and every tensor is bit-for-bit what was copied.</summary>
    public void ShouldEqual(nn.Module model, string because)
    {
        var state = model.state_dict();
        state.Keys.OrderBy(k => k, StringComparer.Ordinal).ShouldBe(_copies.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (name, value) in state)
        {
            value.dtype.ShouldBe(_copies[name].dtype, $"'{name}': {because}");
            TensorValues.Identical(value, _copies[name]).ShouldBeTrue($"'{name}': {because}");
        }
    }

    public void Dispose()
    {
        foreach (var copy in _copies.Values)
            copy.Dispose();
    }
}
