using System;
using System.IO;

namespace Autoencoder.Examples;

/// <summary>Finds the MNIST files shipped in the repository's data/mnist, from wherever the example runs.</summary>
internal static class RepositoryData
{
    public static string FindMnist()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "mnist");
                if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Could not find the repository's data/mnist from " + Directory.GetCurrentDirectory() + "; pass --data DIR with the four MNIST IDX files.");
    }

    /// <summary>The shared photograph data sets beside the repository (../shared/datasets), or null when there are none.</summary>
    public static string? FindSharedDatasets()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
            {
                var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
