using System;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>libtorch settings that TorchSharp 0.107 does not expose.</summary>
public static class TorchNative
{
    // at::globalContext() and at::Context::setUserEnabledNNPACK(bool), by their Itanium-ABI names (Linux and macOS).
    private const string GlobalContext = "_ZN2at13globalContextEv";
    private const string SetUserEnabledNnpack = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private const string SetUserEnabledMkldnn = "_ZN2at7Context20setUserEnabledMkldnnEb";

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContextFunction();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetFlagFunction(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    /// <summary>
    /// Turns off libtorch's NNPACK convolution path, as PyTorch's <c>torch.backends.nnpack.set_flags(False)</c> does. On CPUs
    /// NNPACK does not support, libtorch tries it for every stride-1 convolution of a batch of 16 or more outside autograd
    /// and prints "Could not initialize NNPACK! Reason: Unsupported hardware." to the process's stderr each time, before
    /// falling back to the same kernels this setting selects directly. Returns false where the entry points are not found
    /// (Windows, or another libtorch build); nothing changes then.
    /// </summary>
    public static bool DisableNnpack() => SetFlag(SetUserEnabledNnpack, false);

    /// <summary>
    /// Turns libtorch's oneDNN (MKL-DNN) kernels on or off, as PyTorch's <c>torch.backends.mkldnn.enabled</c> does; off,
    /// convolutions take libtorch's own kernels (slower, and free of oneDNN's NaN gradients, docs/troubleshooting.md).
    /// Process-wide. Returns false where the entry points are not found; nothing changes then.
    /// </summary>
    public static bool SetMkldnnEnabled(bool enabled) => SetFlag(SetUserEnabledMkldnn, enabled);

    private static bool SetFlag(string setter, bool enabled)
    {
        // Loads libtorch through TorchSharp first, so the handle below is the library TorchSharp uses.
        _ = get_num_threads();
        var name = OperatingSystem.IsLinux() ? "libtorch_cpu.so" : OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib" : null;
        if (name is null || !NativeLibrary.TryLoad(name, typeof(TorchSharp.torch).Assembly, null, out var library))
            return false;
        if (!NativeLibrary.TryGetExport(library, GlobalContext, out var contextFunction)
            || !NativeLibrary.TryGetExport(library, setter, out var setFunction))
            return false;

        var context = Marshal.GetDelegateForFunctionPointer<GlobalContextFunction>(contextFunction)();
        Marshal.GetDelegateForFunctionPointer<SetFlagFunction>(setFunction)(context, enabled);
        return true;
    }
}
