// Build-time fix for TorchSharp's Linux native library on hosts whose libstdc++ predates GCC 13.
//
// libLibTorchSharp.so (TorchSharp-cpu 0.107.0) lists GLIBCXX_3.4.32 among its required symbol
// versions only because GCC 13's <iostream> references _ZSt21ios_base_library_initv; the symbol
// has no relocation and is never called. glibc's loader refuses a library with a missing version
// unless the Vernaux entry is marked VER_FLG_WEAK, so setting that flag in the copy in the output
// directory is enough for the library to load on e.g. Debian 12 (libstdc++ up to GLIBCXX_3.4.30).
//
// MSBuild compiles this file with RoslynCodeTaskFactory against netstandard2.0 reference
// assemblies, so it sticks to that API surface. Tests compile it with AUTOENCODER_ELF_ONLY
// defined, which leaves out the MSBuild-facing task class and with it the MSBuild references.
#nullable enable

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
#if !AUTOENCODER_ELF_ONLY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace Autoencoder.Build
{
    /// <summary>The input is not an ELF file this patcher understands.</summary>
    public sealed class ElfFormatException : Exception
    {
        public ElfFormatException(string message) : base(message) { }
    }

    /// <summary>One Vernaux entry of .gnu.version_r: a symbol version required from a library.</summary>
    public sealed class VersionNeed
    {
        public VersionNeed(string library, string version, long flagsOffset, ushort flags)
        {
            Library = library;
            Version = version;
            FlagsOffset = flagsOffset;
            Flags = flags;
        }

        /// <summary>The needed library (vn_file), e.g. libstdc++.so.6.</summary>
        public string Library { get; }

        /// <summary>The version name (vna_name), e.g. GLIBCXX_3.4.32.</summary>
        public string Version { get; }

        /// <summary>File offset of the 16-bit vna_flags field.</summary>
        public long FlagsOffset { get; }

        public ushort Flags { get; }

        public bool IsWeak => (Flags & ElfVersionNeedPatcher.VerFlagWeak) != 0;
    }

    public enum PatchOutcome
    {
        /// <summary>The library does not require the version at all.</summary>
        NotRequired,
        /// <summary>The requirement is already weak; the file was not touched.</summary>
        AlreadyWeak,
        /// <summary>The requirement was marked weak.</summary>
        Patched,
    }

    /// <summary>Finds a required symbol version in an ELF64 little-endian file and marks it weak.</summary>
    public static class ElfVersionNeedPatcher
    {
        public const ushort VerFlagWeak = 0x2;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const int SectionHeaderSize = 64;
        private const int VerneedSize = 16;
        private const int VernauxSize = 16;
        // Bounds the walk over vn_next/vna_next chains so a corrupt file cannot loop forever.
        private const int MaxEntries = 100000;

        /// <summary>
        /// Locates <paramref name="version"/> among the versions the file requires. Reads only the
        /// headers and the verneed section, so it stays cheap on large libraries.
        /// </summary>
        /// <returns>The entry, or null when no needed library requires that version.</returns>
        /// <exception cref="ElfFormatException">The stream is not an ELF64 little-endian file with a verneed section, or is truncated.</exception>
        public static VersionNeed? Find(Stream elf, string version)
        {
            if (elf == null) throw new ArgumentNullException(nameof(elf));
            if (version == null) throw new ArgumentNullException(nameof(version));
            var reader = new Reader(elf);

            byte[] ident = reader.Read(0, 16, "ELF identification");
            if (ident[0] != 0x7F || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F')
            {
                throw new ElfFormatException(
                    $"not an ELF file: expected magic 7F 45 4C 46, found {ident[0]:X2} {ident[1]:X2} {ident[2]:X2} {ident[3]:X2}");
            }
            if (ident[4] != 2) throw new ElfFormatException($"expected ELF64 (EI_CLASS 2), found EI_CLASS {ident[4]}");
            if (ident[5] != 1) throw new ElfFormatException($"expected little-endian data (EI_DATA 1), found EI_DATA {ident[5]}");

            byte[] header = reader.Read(0, 64, "ELF header");
            long shoff = ToOffset(U64(header, 0x28), "e_shoff");
            int shentsize = U16(header, 0x3A);
            long shnum = U16(header, 0x3C);
            if (shoff == 0) throw new ElfFormatException("the file has no section header table (e_shoff is 0)");
            if (shentsize != SectionHeaderSize)
            {
                throw new ElfFormatException($"expected section header size {SectionHeaderSize}, found e_shentsize {shentsize}");
            }
            if (shnum == 0)
            {
                // ELF extended numbering: the real count lives in section 0's sh_size.
                shnum = ToOffset(U64(reader.Read(shoff, SectionHeaderSize, "section header 0"), 32), "section count");
            }
            if (shnum > MaxEntries) throw new ElfFormatException($"implausible section count {shnum}");

            byte[] sections = reader.Read(shoff, checked((int)(shnum * SectionHeaderSize)), "section header table");
            for (int i = 0; i < shnum; i++)
            {
                int sh = i * SectionHeaderSize;
                if (U32(sections, sh + 4) != ShtGnuVerneed) continue;

                long offset = ToOffset(U64(sections, sh + 24), "verneed sh_offset");
                long size = ToOffset(U64(sections, sh + 32), "verneed sh_size");
                uint link = U32(sections, sh + 40);
                uint count = U32(sections, sh + 44);
                if (link >= shnum)
                {
                    throw new ElfFormatException($"verneed section {i} links to string table {link}, but there are only {shnum} sections");
                }
                int strSh = checked((int)link) * SectionHeaderSize;
                var strings = new StringTable(
                    reader,
                    ToOffset(U64(sections, strSh + 24), "string table sh_offset"),
                    ToOffset(U64(sections, strSh + 32), "string table sh_size"));
                return FindInVerneed(reader, offset, size, count, strings, version);
            }
            throw new ElfFormatException("no SHT_GNU_verneed (.gnu.version_r) section: the file requires no symbol versions");
        }

        /// <summary>
        /// Pure form of the patch: returns a copy of <paramref name="image"/> with
        /// <paramref name="version"/> marked weak, or null when there is nothing to do (not required, or
        /// already weak). The input array is never modified.
        /// </summary>
        public static byte[]? MarkWeak(byte[] image, string version)
        {
            if (image == null) throw new ArgumentNullException(nameof(image));
            VersionNeed? need;
            using (var input = new MemoryStream(image, writable: false))
            {
                need = Find(input, version);
            }
            if (need == null || need.IsWeak) return null;

            byte[] patched = (byte[])image.Clone();
            ushort flags = (ushort)(need.Flags | VerFlagWeak);
            patched[need.FlagsOffset] = (byte)flags;
            patched[need.FlagsOffset + 1] = (byte)(flags >> 8);
            return patched;
        }

        /// <summary>
        /// Marks <paramref name="version"/> weak in the file at <paramref name="path"/>. The file is never
        /// written in place: the patch goes to a fresh copy next to it, which is renamed over it, so a
        /// hard link into the NuGet cache is replaced rather than modified. The copy keeps the original's
        /// timestamp so MSBuild's size-and-time "unchanged" check skips re-copying on incremental builds.
        /// </summary>
        public static PatchOutcome PatchFile(string path, string version)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            VersionNeed? need;
            using (var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
            {
                need = Find(input, version);
            }
            if (need == null) return PatchOutcome.NotRequired;
            if (need.IsWeak) return PatchOutcome.AlreadyWeak;

            string temp = path + ".weak.tmp";
            try
            {
                // Delete first: File.Copy with overwrite would truncate a stale temp file in place,
                // which could be anything, including a hard link.
                File.Delete(temp);
                File.Copy(path, temp, overwrite: false);
                using (var copy = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    VersionNeed? again = Find(copy, version);
                    if (again == null || again.FlagsOffset != need.FlagsOffset || again.IsWeak)
                    {
                        throw new IOException($"{path} changed while it was being patched");
                    }
                    ushort flags = (ushort)(again.Flags | VerFlagWeak);
                    copy.Position = again.FlagsOffset;
                    copy.WriteByte((byte)flags);
                    copy.WriteByte((byte)(flags >> 8));
                }
                File.SetLastWriteTimeUtc(temp, File.GetLastWriteTimeUtc(path));
                // rename(2) on Unix: atomic, and the old inode (maybe shared with the cache) is left alone.
                File.Replace(temp, path, null);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            return PatchOutcome.Patched;
        }

        private static VersionNeed? FindInVerneed(Reader reader, long offset, long size, uint count, StringTable strings, string version)
        {
            long end = offset + size;
            long entry = offset;
            for (uint n = 0; n < count && n < MaxEntries; n++)
            {
                if (entry < offset || entry + VerneedSize > end)
                {
                    throw new ElfFormatException($"Verneed entry at 0x{entry:X} lies outside the verneed section [0x{offset:X}, 0x{end:X})");
                }
                byte[] vn = reader.Read(entry, VerneedSize, "Verneed entry");
                ushort vnVersion = U16(vn, 0);
                if (vnVersion != 1) throw new ElfFormatException($"expected Verneed vn_version 1, found {vnVersion} at 0x{entry:X}");
                ushort auxCount = U16(vn, 2);
                string library = strings.Get(U32(vn, 4));

                long aux = entry + U32(vn, 8);
                for (int a = 0; a < auxCount; a++)
                {
                    if (aux < offset || aux + VernauxSize > end)
                    {
                        throw new ElfFormatException($"Vernaux entry at 0x{aux:X} lies outside the verneed section [0x{offset:X}, 0x{end:X})");
                    }
                    byte[] vna = reader.Read(aux, VernauxSize, "Vernaux entry");
                    if (strings.Get(U32(vna, 8)) == version)
                    {
                        return new VersionNeed(library, version, aux + 4, U16(vna, 4));
                    }
                    uint nextAux = U32(vna, 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }

                uint next = U32(vn, 12);
                if (next == 0) break;
                entry += next;
            }
            return null;
        }

        private static long ToOffset(ulong value, string what)
        {
            if (value > long.MaxValue) throw new ElfFormatException($"{what} 0x{value:X} is out of range");
            return (long)value;
        }

        private static ushort U16(byte[] b, int i) => (ushort)(b[i] | b[i + 1] << 8);

        private static uint U32(byte[] b, int i) => (uint)(b[i] | b[i + 1] << 8 | b[i + 2] << 16 | b[i + 3] << 24);

        private static ulong U64(byte[] b, int i) => U32(b, i) | (ulong)U32(b, i + 4) << 32;

        private sealed class Reader
        {
            private readonly Stream _stream;

            public Reader(Stream stream)
            {
                if (!stream.CanSeek) throw new ArgumentException("the ELF stream must be seekable", nameof(stream));
                _stream = stream;
                Length = stream.Length;
            }

            public long Length { get; }

            public byte[] Read(long offset, int count, string what)
            {
                if (offset < 0 || count < 0 || offset > Length - count)
                {
                    throw new ElfFormatException(
                        $"{what} at offset 0x{offset:X} ({count} bytes) extends beyond the end of the file ({Length} bytes); the file is truncated or corrupt");
                }
                var buffer = new byte[count];
                _stream.Position = offset;
                int done = 0;
                while (done < count)
                {
                    int n = _stream.Read(buffer, done, count - done);
                    if (n == 0) throw new ElfFormatException($"unexpected end of file reading {what} at offset 0x{offset:X}");
                    done += n;
                }
                return buffer;
            }
        }

        private sealed class StringTable
        {
            private readonly Reader _reader;
            private readonly long _offset;
            private readonly long _size;

            public StringTable(Reader reader, long offset, long size)
            {
                _reader = reader;
                _offset = offset;
                _size = size;
            }

            public string Get(uint index)
            {
                if (index >= _size) throw new ElfFormatException($"string index {index} is outside the {_size}-byte string table");
                long start = _offset + index;
                var bytes = new List<byte>();
                // Version and library names are short; read in small chunks up to the table's end.
                for (long at = start; at < _offset + _size;)
                {
                    int chunk = (int)Math.Min(64, _offset + _size - at);
                    byte[] part = _reader.Read(at, chunk, "string table");
                    int nul = Array.IndexOf(part, (byte)0);
                    if (nul >= 0)
                    {
                        for (int i = 0; i < nul; i++) bytes.Add(part[i]);
                        return Encoding.UTF8.GetString(bytes.ToArray());
                    }
                    bytes.AddRange(part);
                    at += chunk;
                }
                throw new ElfFormatException($"string at index {index} is not NUL-terminated within its string table");
            }
        }
    }

    /// <summary>Answers whether this machine's libstdc++ provides a given GLIBCXX version.</summary>
    public static class HostLibStdCxx
    {
        private static readonly string[] SearchDirectories =
        {
            "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib",
        };

        /// <summary>The path of libstdc++.so.6 the loader would most likely pick, or null if none is found.</summary>
        public static string? Locate()
        {
            foreach (string dir in SearchDirectories)
            {
                string candidate = Path.Combine(dir, "libstdc++.so.6");
                if (File.Exists(candidate)) return candidate;
            }
            return LocateWithLdconfig();
        }

        /// <summary>True when the library's bytes contain the NUL-terminated version name.</summary>
        public static bool Provides(string libraryPath, string version)
        {
            // A version definition's name sits in .dynstr as a NUL-terminated string; the terminator
            // keeps GLIBCXX_3.4.3 from matching GLIBCXX_3.4.32.
            return IndexOf(File.ReadAllBytes(libraryPath), Encoding.ASCII.GetBytes(version + "\0")) >= 0;
        }

        public static int IndexOf(byte[] haystack, byte[] needle)
        {
            if (needle.Length == 0) return 0;
            int last = haystack.Length - needle.Length;
            for (int i = Array.IndexOf(haystack, needle[0]); i >= 0 && i <= last; i = Array.IndexOf(haystack, needle[0], i + 1))
            {
                int j = 1;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return i;
            }
            return -1;
        }

        private static string? LocateWithLdconfig()
        {
            // ldconfig lives in /sbin on Debian, which is not on every user's PATH.
            string arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "AArch64" : "x86-64";
            foreach (string ldconfig in new[] { "/sbin/ldconfig", "/usr/sbin/ldconfig", "ldconfig" })
            {
                string? output = Run(ldconfig, "-p");
                if (output == null) continue;
                string? any = null;
                foreach (string line in output.Split('\n'))
                {
                    // e.g. "	libstdc++.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libstdc++.so.6"
                    string trimmed = line.Trim();
                    if (!trimmed.StartsWith("libstdc++.so.6 ", StringComparison.Ordinal)) continue;
                    int arrow = trimmed.IndexOf("=>", StringComparison.Ordinal);
                    if (arrow < 0) continue;
                    string path = trimmed.Substring(arrow + 2).Trim();
                    if (!File.Exists(path)) continue;
                    if (trimmed.IndexOf(arch, StringComparison.Ordinal) >= 0) return path;
                    any = any ?? path;
                }
                return any;
            }
            return null;
        }

        private static string? Run(string fileName, string arguments)
        {
            try
            {
                var info = new ProcessStartInfo(fileName, arguments)
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    CreateNoWindow = true,
                };
                using (Process? process = Process.Start(info))
                {
                    if (process == null) return null;
                    // Drain stderr asynchronously so a chatty ldconfig cannot block on a full pipe.
                    process.ErrorDataReceived += (_, __) => { };
                    process.BeginErrorReadLine();
                    string output = process.StandardOutput.ReadToEnd();
                    process.WaitForExit();
                    return process.ExitCode == 0 ? output : null;
                }
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception || ex is InvalidOperationException || ex is IOException)
            {
                return null;
            }
        }
    }

#if !AUTOENCODER_ELF_ONLY
    /// <summary>
    /// Marks a symbol version requirement (GLIBCXX_3.4.32 by default) weak in copies of
    /// libLibTorchSharp.so, when this machine's libstdc++ does not provide that version.
    /// </summary>
    public sealed class PatchLibTorchSharp : Task
    {
        /// <summary>Copies of the library in an output or publish directory. Never the NuGet cache.</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

        public string Version { get; set; } = "GLIBCXX_3.4.32";

        /// <summary>
        /// Patch even when this host's libstdc++ provides the version: for output that runs on other machines
        /// (a dotnet tool package), where this host's libstdc++ says nothing about theirs.
        /// </summary>
        public bool Always { get; set; }

        public override bool Execute()
        {
            // Inspect first: it only reads headers, so the common already-patched case stays cheap.
            var pending = new List<string>();
            foreach (ITaskItem item in Libraries)
            {
                string path = item.GetMetadata("FullPath");
                if (!File.Exists(path))
                {
                    Log.LogMessage(MessageImportance.Low, "Autoencoder: {0} does not exist; nothing to patch.", path);
                    continue;
                }
                if (!TryInspect(path, out VersionNeed? need)) continue;
                if (need == null)
                {
                    Log.LogMessage(MessageImportance.Low, "Autoencoder: {0} does not require {1}; nothing to patch.", path, Version);
                }
                else if (need.IsWeak)
                {
                    Log.LogMessage(MessageImportance.Low, "Autoencoder: {0} already marks {1} weak.", path, Version);
                }
                else
                {
                    pending.Add(path);
                }
            }
            if (pending.Count == 0 || Log.HasLoggedErrors) return !Log.HasLoggedErrors;

            string? libstdcxx = HostLibStdCxx.Locate();
            if (!Always && libstdcxx != null && HostLibStdCxx.Provides(libstdcxx, Version))
            {
                Log.LogMessage(MessageImportance.Low,
                    "Autoencoder: {0} provides {1}; libLibTorchSharp.so loads as shipped, leaving {2} file(s) unpatched.",
                    libstdcxx, Version, pending.Count);
                return true;
            }

            foreach (string path in pending)
            {
                try
                {
                    if (ElfVersionNeedPatcher.PatchFile(path, Version) == PatchOutcome.Patched)
                    {
                        Log.LogMessage(MessageImportance.Normal,
                            "Autoencoder: marked {0} weak in {1}, because {2}.",
                            Version, path,
                            Always ? "the output is for other machines (AutoencoderPatchLibTorchSharpAlways)"
                                : (libstdcxx ?? "this host (no libstdc++.so.6 found)") + " lacks it");
                    }
                }
                catch (Exception ex) when (ex is ElfFormatException || ex is IOException || ex is UnauthorizedAccessException)
                {
                    LogError(path, $"cannot mark {Version} weak: {ex.Message}");
                }
            }
            return !Log.HasLoggedErrors;
        }

        private bool TryInspect(string path, out VersionNeed? need)
        {
            need = null;
            try
            {
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
                {
                    need = ElfVersionNeedPatcher.Find(stream, Version);
                    return true;
                }
            }
            catch (ElfFormatException ex)
            {
                LogError(path, $"expected an ELF64 little-endian shared library with a .gnu.version_r section: {ex.Message}");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                LogError(path, $"cannot read the library: {ex.Message}");
            }
            return false;
        }

        private void LogError(string path, string message)
        {
            // The path is the error's location, so MSBuild prints it in front of the message.
            Log.LogError(null, "AENATIVE001", null, path, 0, 0, 0, 0,
                "{0} (set AutoencoderPatchLibTorchSharp=false to skip this step)", message);
        }
    }
#endif
}
