using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

internal static class TensorValues
{
    /// <summary>Same shape and bit-for-bit equal elements (TorchSharp's equal() is element-wise).</summary>
    public static bool Identical(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape))
            return false;
        using var same = a.eq(b).all();
        return same.item<bool>();
    }
}
