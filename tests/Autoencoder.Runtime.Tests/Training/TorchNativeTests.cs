using System;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TorchNativeTests
{
    [Fact]
    public void Nnpack_can_be_turned_off_on_linux_and_convolutions_still_run()
    {
        if (!OperatingSystem.IsLinux())
            return;
        TorchNative.DisableNnpack().ShouldBeTrue();

        // The path NNPACK would have taken: a stride-1 convolution of a batch of 16 without autograd.
        using var noGrad = no_grad();
        using var conv = nn.Conv2d(1, 16, 3, padding: 1);
        using var output = conv.forward(ones(16, 1, 8, 8));
        output.shape.ShouldBe(new long[] { 16, 16, 8, 8 });
        output.isfinite().all().item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void Glibc_keeps_freed_memory_once_asked_and_the_answer_holds()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(NativeAllocator.OptOutVariable) == "0")
            return;
        NativeAllocator.KeepFreedMemory().ShouldBeTrue();
        NativeAllocator.KeepFreedMemory().ShouldBeTrue();

        // Tensors of the size a training step churns through still allocate and free.
        using var big = ones(80, 64, 40, 40);
        big.sum().item<float>().ShouldBe(80 * 64 * 40 * 40);
    }

    [Fact]
    public void Onednn_can_be_turned_off_and_on_and_a_convolution_backward_gives_the_same_gradient()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var conv = nn.Conv2d(16, 16, 3, padding: 1);
        using var input = randn(4, 16, 12, 12);

        Tensor Gradient()
        {
            using var x = input.detach().clone().requires_grad_(true);
            conv.forward(x).square().sum().backward();
            return x.grad!.detach().clone();
        }

        using var withOnednn = Gradient();
        TorchNative.SetMkldnnEnabled(false).ShouldBeTrue();
        Tensor without;
        try
        {
            without = Gradient();
        }
        finally
        {
            TorchNative.SetMkldnnEnabled(true).ShouldBeTrue();
        }

        using (without)
            without.allclose(withOnednn, rtol: 1e-4, atol: 1e-4).ShouldBeTrue();
    }
}
