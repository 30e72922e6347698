using System;
using System.IO;
using System.Reflection;
using Autoencoder.Build;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Native;

/// <summary>Where the copies of libLibTorchSharp.so under test live.</summary>
internal static class NativeLibraries
{
    public const string FileName = "libLibTorchSharp.so";
    public const string Version = "GLIBCXX_3.4.32";

    /// <summary>The NuGet cache's copy: read only, ever.</summary>
    public static string CachePath
    {
        get
        {
            string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string version = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!
                .InformationalVersion.Split('+')[0];
            string path = Path.Combine(root, "torchsharp", version, "runtimes", "linux-x64", "native", FileName);
            File.Exists(path).ShouldBeTrue($"TorchSharp's Linux native library should be in the NuGet cache at {path}");
            return path;
        }
    }

    /// <summary>The copy the build put next to this test assembly (flat with a RuntimeIdentifier).</summary>
    public static string OutputPath
    {
        get
        {
            string flat = Path.Combine(AppContext.BaseDirectory, FileName);
            string portable = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", FileName);
            if (File.Exists(flat)) return flat;
            File.Exists(portable).ShouldBeTrue($"the build should have copied {FileName} to {AppContext.BaseDirectory}");
            return portable;
        }
    }

    public static VersionNeed? FindIn(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ElfVersionNeedPatcher.Find(stream, Version);
    }

    public static bool HostProvidesVersion()
    {
        string? libstdcxx = HostLibStdCxx.Locate();
        return libstdcxx != null && HostLibStdCxx.Provides(libstdcxx, Version);
    }
}

/// <summary>A fact that only means something on Linux (glibc loader, ELF natives in the output).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux only";
    }
}
