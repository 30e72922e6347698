using System;

namespace Autoencoder;

/// <summary>Closes the innermost open <see cref="ResidualAttribute"/> block.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class EndResidualAttribute : LayerAttribute
{
}
