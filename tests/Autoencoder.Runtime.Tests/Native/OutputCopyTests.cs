using System.IO;
using Autoencoder.Build;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Native;

/// <summary>What the build's patch step did to this test project's own output.</summary>
public sealed class OutputCopyTests
{
    [LinuxFact]
    public void OutputCopyIsPatchedExactlyWhenTheHostLacksTheVersion()
    {
        byte[] cache = File.ReadAllBytes(NativeLibraries.CachePath);
        byte[] output = File.ReadAllBytes(NativeLibraries.OutputPath);

        NativeLibraries.FindIn(NativeLibraries.CachePath)!.IsWeak.ShouldBeFalse("the NuGet cache copy must never be patched");
        if (NativeLibraries.HostProvidesVersion())
        {
            output.ShouldBe(cache, "a host whose libstdc++ has the version needs no patch");
        }
        else
        {
            NativeLibraries.FindIn(NativeLibraries.OutputPath)!.IsWeak.ShouldBeTrue();
            output.ShouldBe(ElfVersionNeedPatcher.MarkWeak(cache, NativeLibraries.Version));
        }
    }

    [LinuxFact]
    public void HostLibStdCxxIsFoundAndItsVersionsAreReadable()
    {
        string? libstdcxx = HostLibStdCxx.Locate();

        libstdcxx.ShouldNotBeNull("TorchSharp cannot load without libstdc++.so.6 either");
        HostLibStdCxx.Provides(libstdcxx, "GLIBCXX_3.4").ShouldBeTrue();
        HostLibStdCxx.Provides(libstdcxx, "GLIBCXX_3.4.999").ShouldBeFalse();
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.30\0", -1)]
    [InlineData("xxGLIBCXX_3.4.3\0", 2)]
    [InlineData("GLIBCXX_3.4.30\0GLIBCXX_3.4.3\0", 15)]
    [InlineData("GLIBCXX_3.4.3", -1)]
    public void VersionSearchNeedsTheTerminator(string haystack, int expected)
    {
        HostLibStdCxx.IndexOf(System.Text.Encoding.ASCII.GetBytes(haystack), System.Text.Encoding.ASCII.GetBytes("GLIBCXX_3.4.3\0"))
            .ShouldBe(expected);
    }
}
