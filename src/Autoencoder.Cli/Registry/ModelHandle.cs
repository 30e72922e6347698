using System;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// One model instance, owned: the runtime's <see cref="IAutoencoder"/> that every model is, and the capability interfaces
/// (<see cref="IDenoisingAutoencoder"/>, <see cref="IGenerativeAutoencoder"/>, <see cref="ICompressionAutoencoder"/>, ...) that
/// its family and declaration add, found by type. A command that needs a capability asks for it with
/// <see cref="LoadedModel.Require{T}"/>, which names the models that have it.
/// </summary>
internal sealed class ModelHandle(IAutoencoder model) : IDisposable
{
    /// <summary>The model: reconstructions, features, and the module for its mode and weights.</summary>
    public IAutoencoder Model { get; } = model;

    /// <summary>The module, for its mode and weights.</summary>
    public nn.Module Module => Model.Module;

    /// <summary>The model as the capability <typeparamref name="T"/>, or null when it has not that capability.</summary>
    public T? As<T>() where T : class, IAutoencoder => Model as T;

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
