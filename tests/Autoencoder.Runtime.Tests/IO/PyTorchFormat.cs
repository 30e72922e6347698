using System;
using Autoencoder.Runtime.IO;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>The two PyTorch formats, so that a theory runs each test against both.</summary>
public sealed record PyTorchFormat(
    string Name, string Extension, Action<nn.Module, string> Save, Action<nn.Module, string> Load, string Rejection)
{
    public static readonly PyTorchFormat Safetensors = new(
        nameof(Safetensors), ".safetensors", PyTorchWeights.SaveSafetensors, PyTorchWeights.LoadSafetensors,
        "is not a safetensors file");

    public static readonly PyTorchFormat StateDict = new(
        nameof(StateDict), ".pt", PyTorchWeights.SaveStateDict, PyTorchWeights.LoadStateDict,
        "is not a PyTorch state_dict file");

    /// <summary>Theory data by name: xunit shows and serialises strings, not delegates.</summary>
    public static TheoryData<string> Names => new() { nameof(Safetensors), nameof(StateDict) };

    public static PyTorchFormat Named(string name) => name switch
    {
        nameof(Safetensors) => Safetensors,
        nameof(StateDict) => StateDict,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public override string ToString() => Name;
}
