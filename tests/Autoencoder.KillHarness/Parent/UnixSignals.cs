using System;
using System.Runtime.InteropServices;

namespace Autoencoder.KillHarness.Parent;

/// <summary>Sends a signal straight away, where <c>Process.Kill(entireProcessTree: true)</c> lists every process first.</summary>
internal static class UnixSignals
{
    private const int SigStop = 19; // Linux; macOS is 17

    /// <summary>Freezes the process: it runs no further instruction, as if killed at this moment.</summary>
    public static void Stop(int processId)
    {
        if (OperatingSystem.IsLinux())
            _ = Kill(processId, SigStop); // fails only when it has exited, which the kill that follows handles
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}
