using System;
using System.IO;

namespace Autoencoder.Runtime.Tests.Shared;

/// <summary>Locates files shipped in the repository, found from the test binaries by walking up to the solution file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string MnistDirectory => Path.Combine(Root, "data", "mnist");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Autoencoder.sln above '{AppContext.BaseDirectory}'.");
    }
}
