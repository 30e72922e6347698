using System;

namespace Autoencoder;

/// <summary>
/// A layer of an encoder or decoder. Layers are applied in the order their attributes appear on the
/// <c>Encode</c> or <c>Decode</c> method, top to bottom.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : Attribute
{
}
