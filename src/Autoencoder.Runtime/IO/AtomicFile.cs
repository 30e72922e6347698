using System;
using System.IO;

namespace Autoencoder.Runtime.IO;

/// <summary>Writes a file so that a crash never leaves a half-written one under its name.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Creates <paramref name="path"/>'s directory, lets <paramref name="write"/> fill a temporary file beside it,
    /// flushes that to disk and renames it over <paramref name="path"/>. The temporary file is in the same directory
    /// because only a rename within one file system is atomic. On failure it is deleted and the old file, if any, stays.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fullPath = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' does not name a file.", nameof(path));
        Directory.CreateDirectory(directory);

        string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, fullPath, overwrite: true);
            DirectorySync.Flush(directory);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="contents"/> as <see cref="Write"/> does.</summary>
    public static void WriteAllBytes(string path, byte[] contents) => Write(path, stream => stream.Write(contents));
}
