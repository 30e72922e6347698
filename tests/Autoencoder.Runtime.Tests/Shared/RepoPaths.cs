using System;
using System.IO;

namespace Autoencoder.Runtime.Tests.Shared;

/// <summary>Locates files shipped in the repository, found from the test binaries by walking up to the solution file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string MnistDirectory => Path.Combine(Root, "data", "mnist");

    /// <summary>
    /// The built assembly of another project under tests/, from the build that built these tests: the same
    /// configuration, framework and runtime folders below its bin/ as ours (bin/Release/net10.0/linux-x64).
    /// </summary>
    /// <exception cref="FileNotFoundException">That project was not built; the message says how to build it.</exception>
    public static string BuiltAssembly(string project)
    {
        string ours = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
        string binMarker = Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar;
        int bin = ours.LastIndexOf(binMarker, StringComparison.Ordinal);
        string projectBin = Path.Combine(Root, "tests", project, "bin");
        string expected = bin < 0
            ? Path.Combine(projectBin, project + ".dll")
            : Path.Combine(projectBin, ours[(bin + binMarker.Length)..], project + ".dll");
        if (File.Exists(expected))
        {
            return expected;
        }

        throw new FileNotFoundException(
            $"'{expected}' is missing: {project} was not built alongside these tests. `dotnet test Autoencoder.sln -c Release` " +
            $"builds it, or `dotnet build tests/{project} -c Release` alone.", expected);
    }

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
