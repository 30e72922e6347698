using System;
using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Torch;

/// <summary>
/// softplus(x) = log(1 + eˣ) (β = 1, linear above 20), libtorch's own kernel and gradient, called with Scalars held for
/// the process: TorchSharp 0.107 offers softplus only through a method that makes β and the threshold temporary Scalars,
/// which a collection can free during the call. This calls the same native function TorchSharp does.
/// </summary>
internal static class HeldSoftplus
{
    // TorchSharp's native companion library, loaded by TorchSharp before any tensor exists.
    private const string Library = "LibTorchSharp";

    // Native c10::Scalar handles, created once and never freed.
    private static readonly IntPtr Beta = THSTorch_float64_to_scalar(1.0);
    private static readonly IntPtr Threshold = THSTorch_float64_to_scalar(20.0);

    public static Tensor Of(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IntPtr result = THSTensor_softplus(input.Handle, Beta, Threshold);
        GC.KeepAlive(input);
        if (result == IntPtr.Zero)
            torch.CheckForErrors();
        return Tensor.UnsafeCreateTensor(result);
    }

    [DllImport(Library)]
    private static extern IntPtr THSTensor_softplus(IntPtr tensor, IntPtr beta, IntPtr threshold);

    [DllImport(Library)]
    private static extern IntPtr THSTorch_float64_to_scalar(double value);
}
