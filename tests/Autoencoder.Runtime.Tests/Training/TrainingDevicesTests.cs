using System;
using Autoencoder.Runtime.Training;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingDevicesTests
{
    [Fact]
    public void Cpu_is_the_cpu_and_cuda_if_available_falls_back_to_it_without_cuda()
    {
        TrainingDevices.Resolve(TrainingDevice.Cpu).type.ShouldBe(DeviceType.CPU);
        TrainingDevices.Resolve(TrainingDevice.CudaIfAvailable).type
            .ShouldBe(torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU);
    }

    [Fact]
    public void Asking_for_cuda_without_it_is_a_clear_error()
    {
        if (torch.cuda.is_available())
        {
            TrainingDevices.Resolve(TrainingDevice.Cuda).type.ShouldBe(DeviceType.CUDA);
            return;
        }

        Should.Throw<InvalidOperationException>(() => TrainingDevices.Resolve(TrainingDevice.Cuda))
            .Message.ShouldStartWith("TrainingDevice.Cuda was asked for, but CUDA is not available");
    }

    [Fact]
    public void The_thread_count_is_set_and_null_leaves_it_alone()
    {
        int before = torch.get_num_threads();
        try
        {
            TrainingDevices.ApplyThreads(1);
            torch.get_num_threads().ShouldBe(1);
            TrainingDevices.ApplyThreads(null);
            torch.get_num_threads().ShouldBe(1);
            Should.Throw<ArgumentOutOfRangeException>(() => TrainingDevices.ApplyThreads(0));
        }
        finally
        {
            torch.set_num_threads(before);
        }
    }
}
