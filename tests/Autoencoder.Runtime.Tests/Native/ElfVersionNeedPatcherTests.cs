using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Build;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Native;

/// <summary>The ELF patcher on the real library bytes, read from the NuGet cache and never written there.</summary>
public sealed class ElfVersionNeedPatcherTests
{
    private static readonly Lazy<byte[]> Original = new(() => File.ReadAllBytes(NativeLibraries.CachePath));

    [Fact]
    public void ShippedLibraryRequiresTheVersionStrongly()
    {
        using var stream = new MemoryStream(Original.Value, writable: false);
        VersionNeed? need = ElfVersionNeedPatcher.Find(stream, NativeLibraries.Version);

        need.ShouldNotBeNull();
        need.Library.ShouldBe("libstdc++.so.6");
        need.Flags.ShouldBe((ushort)0);
        need.IsWeak.ShouldBeFalse();
    }

    [Fact]
    public void MarkWeakChangesOnlyThatEntrysFlags()
    {
        byte[] original = Original.Value;
        byte[] before = (byte[])original.Clone();

        byte[]? patched = ElfVersionNeedPatcher.MarkWeak(original, NativeLibraries.Version);

        patched.ShouldNotBeNull();
        original.ShouldBe(before, "the input must not be modified");
        patched.Length.ShouldBe(original.Length);
        int[] changed = Enumerable.Range(0, original.Length).Where(i => patched[i] != original[i]).ToArray();
        changed.Length.ShouldBe(1);

        // Read back with an independent walk over .gnu.version_r, not the code under test.
        const string Entry = "libstdc++.so.6 " + NativeLibraries.Version;
        Dictionary<string, ushort> flagsBefore = ReferenceVersionFlags(original);
        Dictionary<string, ushort> flagsAfter = ReferenceVersionFlags(patched);
        flagsBefore[Entry].ShouldBe((ushort)0);
        flagsAfter[Entry].ShouldBe(ElfVersionNeedPatcher.VerFlagWeak);
        flagsAfter.Where(kv => kv.Key != Entry).ShouldBe(flagsBefore.Where(kv => kv.Key != Entry));
    }

    [Fact]
    public void MarkWeakIsIdempotent()
    {
        byte[] once = ElfVersionNeedPatcher.MarkWeak(Original.Value, NativeLibraries.Version)!;

        ElfVersionNeedPatcher.MarkWeak(once, NativeLibraries.Version).ShouldBeNull();
        using var stream = new MemoryStream(once, writable: false);
        ElfVersionNeedPatcher.Find(stream, NativeLibraries.Version)!.IsWeak.ShouldBeTrue();
    }

    [Fact]
    public void VersionThatIsNotRequiredIsLeftAlone()
    {
        ElfVersionNeedPatcher.MarkWeak(Original.Value, "GLIBCXX_9.9.99").ShouldBeNull();
    }

    [Fact]
    public void NonElfInputIsRejectedWithWhatWasFound()
    {
        byte[] text = Encoding.ASCII.GetBytes("#!/bin/sh\necho this is not a shared library, but long enough for a header\n");

        var error = Should.Throw<ElfFormatException>(() => ElfVersionNeedPatcher.MarkWeak(text, NativeLibraries.Version));

        error.Message.ShouldContain("not an ELF file");
        error.Message.ShouldContain("7F 45 4C 46");
        error.Message.ShouldContain("23 21 2F 62"); // "#!/b"
    }

    [Fact]
    public void FileShorterThanTheIdentificationIsRejected()
    {
        var error = Should.Throw<ElfFormatException>(
            () => ElfVersionNeedPatcher.MarkWeak(Original.Value.AsSpan(0, 10).ToArray(), NativeLibraries.Version));

        error.Message.ShouldContain("extends beyond the end of the file (10 bytes)");
    }

    [Fact]
    public void TruncatedLibraryIsRejected()
    {
        // The section header table sits at the end of the file, so a cut-off copy loses it.
        byte[] truncated = Original.Value.AsSpan(0, Original.Value.Length / 2).ToArray();

        var error = Should.Throw<ElfFormatException>(() => ElfVersionNeedPatcher.MarkWeak(truncated, NativeLibraries.Version));

        error.Message.ShouldContain("section header table");
        error.Message.ShouldContain("truncated");
    }

    [Theory]
    [InlineData(4, 1, "expected ELF64 (EI_CLASS 2), found EI_CLASS 1")]
    [InlineData(5, 2, "expected little-endian data (EI_DATA 1), found EI_DATA 2")]
    public void UnsupportedElfFlavourIsRejected(int index, byte value, string message)
    {
        byte[] image = (byte[])Original.Value.Clone();
        image[index] = value;

        Should.Throw<ElfFormatException>(() => ElfVersionNeedPatcher.MarkWeak(image, NativeLibraries.Version))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void LibraryWithoutVerneedSectionIsRejected()
    {
        byte[] image = (byte[])Original.Value.Clone();
        int header = VerneedSectionHeader(image);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(header + 4), 1); // SHT_PROGBITS

        Should.Throw<ElfFormatException>(() => ElfVersionNeedPatcher.MarkWeak(image, NativeLibraries.Version))
            .Message.ShouldContain("no SHT_GNU_verneed");
    }

    [Fact]
    public void FindOnlyNeedsSeekableReads()
    {
        using var stream = new MemoryStream(Original.Value, writable: false);
        ElfVersionNeedPatcher.Find(stream, NativeLibraries.Version).ShouldNotBeNull();
        ElfVersionNeedPatcher.Find(stream, NativeLibraries.Version).ShouldNotBeNull(); // position is not assumed
    }

    private static int VerneedSectionHeader(byte[] image)
    {
        ReadOnlySpan<byte> b = image;
        int shoff = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(b[0x28..]));
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(b[0x3C..]);
        for (int i = 0; i < shnum; i++)
        {
            int sh = shoff + i * 64;
            if (BinaryPrimitives.ReadUInt32LittleEndian(b[(sh + 4)..]) == 0x6ffffffe) return sh;
        }
        throw new InvalidOperationException("test input has no verneed section");
    }

    /// <summary>"library version" → vna_flags for every requirement, walked straight from the bytes.</summary>
    private static Dictionary<string, ushort> ReferenceVersionFlags(byte[] image)
    {
        ReadOnlySpan<byte> b = image;
        int sh = VerneedSectionHeader(image);
        int shoff = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(b[0x28..]));
        int offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(b[(sh + 24)..]));
        int count = (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(sh + 44)..]);
        int strtab = shoff + (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(sh + 40)..]) * 64;
        int strings = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(b[(strtab + 24)..]));

        var result = new Dictionary<string, ushort>();
        for (int n = 0, vn = offset; n < count; n++)
        {
            string library = Name(b, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(vn + 4)..]));
            int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(b[(vn + 2)..]);
            for (int a = 0, aux = vn + (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(vn + 8)..]); a < auxCount; a++)
            {
                string version = Name(b, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(aux + 8)..]));
                result.Add($"{library} {version}", BinaryPrimitives.ReadUInt16LittleEndian(b[(aux + 4)..]));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(aux + 12)..]);
            }
            vn += (int)BinaryPrimitives.ReadUInt32LittleEndian(b[(vn + 12)..]);
        }
        result.Count.ShouldBeGreaterThan(1);
        return result;
    }

    private static string Name(ReadOnlySpan<byte> image, int offset) =>
        Encoding.ASCII.GetString(image[offset..][..image[offset..].IndexOf((byte)0)]);
}
