using System;
using System.IO;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Writes a file so readers see either the old file or the complete new one: the bytes go to a
/// temporary file in the same directory (same file system, so the rename is atomic) which then
/// replaces the target.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"'{path}' names no file.", nameof(path));
        Directory.CreateDirectory(directory);

        var temp = Path.Combine(directory, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            File.Delete(temp); // no-op when it was never created
            throw;
        }
    }
}
