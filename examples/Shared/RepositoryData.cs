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
}
