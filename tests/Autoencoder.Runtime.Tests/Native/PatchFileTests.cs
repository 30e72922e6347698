using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Autoencoder.Build;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Native;

/// <summary>The on-disk patch the build task runs, on scratch copies of the library.</summary>
public sealed class PatchFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("autoencoder-native-").FullName;
    private readonly byte[] _original = File.ReadAllBytes(NativeLibraries.CachePath);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PatchesTheFileKeepingItsTimestampAndLeavesNoTempFile()
    {
        string path = Scratch("lib.so");
        var stamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        ElfVersionNeedPatcher.PatchFile(path, NativeLibraries.Version).ShouldBe(PatchOutcome.Patched);

        File.ReadAllBytes(path).ShouldBe(ElfVersionNeedPatcher.MarkWeak(_original, NativeLibraries.Version));
        File.GetLastWriteTimeUtc(path).ShouldBe(stamp, "MSBuild's SkipUnchangedFiles must still see the copy as unchanged");
        Directory.GetFiles(_dir).ShouldBe(new[] { path });
    }

    [LinuxFact]
    public void SecondRunDoesNotRewrite()
    {
        string path = Scratch("lib.so");
        ElfVersionNeedPatcher.PatchFile(path, NativeLibraries.Version).ShouldBe(PatchOutcome.Patched);
        // A rewrite renames a new file over the path; a hard-linked witness would keep the old one.
        string witness = Path.Combine(_dir, "witness");
        HardLink(path, witness);

        ElfVersionNeedPatcher.PatchFile(path, NativeLibraries.Version).ShouldBe(PatchOutcome.AlreadyWeak);

        SameFile(path, witness).ShouldBeTrue();
    }

    [LinuxFact]
    public void HardLinkedSourceIsNeverModified()
    {
        // The shape of an output file hard-linked to the NuGet cache (CreateHardLinksForCopyLocalIfPossible).
        string cache = Scratch("cache.so");
        string output = Path.Combine(_dir, "output.so");
        HardLink(cache, output);
        SameFile(cache, output).ShouldBeTrue();

        ElfVersionNeedPatcher.PatchFile(output, NativeLibraries.Version).ShouldBe(PatchOutcome.Patched);

        File.ReadAllBytes(cache).ShouldBe(_original);
        NativeLibraries.FindIn(cache)!.IsWeak.ShouldBeFalse();
        NativeLibraries.FindIn(output)!.IsWeak.ShouldBeTrue();
        SameFile(cache, output).ShouldBeFalse();
    }

    [Fact]
    public void UnreadableFormatLeavesTheFileAlone()
    {
        string path = Path.Combine(_dir, "truncated.so");
        File.WriteAllBytes(path, _original.AsSpan(0, 4096).ToArray());

        Should.Throw<ElfFormatException>(() => ElfVersionNeedPatcher.PatchFile(path, NativeLibraries.Version));

        File.ReadAllBytes(path).ShouldBe(_original.AsSpan(0, 4096).ToArray());
        Directory.GetFiles(_dir).ShouldBe(new[] { path });
    }

    private string Scratch(string name)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, _original);
        return path;
    }

    /// <summary>Whether two names are links to one file: timestamps belong to the file, not the name.</summary>
    private static bool SameFile(string a, string b)
    {
        DateTime original = File.GetLastWriteTimeUtc(a);
        var probe = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(a, probe);
        bool same = File.GetLastWriteTimeUtc(b) == probe;
        File.SetLastWriteTimeUtc(a, original);
        return same;
    }

    private static void HardLink(string existing, string newName)
    {
        int result = link(Encoding.UTF8.GetBytes(existing + "\0"), Encoding.UTF8.GetBytes(newName + "\0"));
        result.ShouldBe(0, $"link(2) failed with errno {Marshal.GetLastPInvokeError()}");
    }

    // Paths are passed as NUL-terminated UTF-8 so no string marshalling is involved.
    [DllImport("libc", SetLastError = true)]
    private static extern int link(byte[] oldpath, byte[] newpath);
}
