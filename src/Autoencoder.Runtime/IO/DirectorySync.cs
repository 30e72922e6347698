using System;
using System.Runtime.InteropServices;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Flushes a directory's entries to disk. A rename is atomic but lives in the directory, not the file: until the
/// directory is synced, a power loss can bring back the old name. .NET cannot open a directory as a file, so POSIX
/// open/fsync are called directly; elsewhere (Windows) the rename's own flush has to do.
/// </summary>
internal static class DirectorySync
{
    /// <summary>Best effort: a file system that cannot sync a directory still has the renamed file.</summary>
    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return;
        int fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0)
            return;
        _ = Fsync(fd);
        _ = Close(fd);
    }

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync")]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}
