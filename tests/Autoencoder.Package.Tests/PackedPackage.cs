using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Shouldly;

namespace Autoencoder.Package.Tests;

/// <summary>
/// The Autoencoder.Dsl package packed once for these tests, with a version no other run uses, into a local folder feed
/// in a temporary directory outside the repository. Disposing deletes that directory and the version's copy in the
/// NuGet global packages folder, so repeated runs do not grow the cache.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public const string Id = "Autoencoder.Dsl";

    public PackedPackage()
    {
        RepoRoot = FindRepoRoot();
        Version = "0.0.0-packagetest-" + Guid.NewGuid().ToString("N");
        Root = Path.Combine(Path.GetTempPath(), "autoencoder-package-test-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Feed);

        string configuration = typeof(PackedPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        // The solution build built the package project (this project references it); packing it needs no build, so
        // the repository's binaries are not rebuilt while other test projects run from them. PackageVersion, unlike
        // Version, does not reach the assemblies.
        PackResult = DotNet.Run(RepoRoot, "pack", Path.Combine(RepoRoot, "src", "Autoencoder.Package", "Autoencoder.Package.csproj"),
            "-c", configuration, "--no-build", "-o", Feed, "-p:PackageVersion=" + Version);
        PackResult.ExitCode.ShouldBe(0, PackResult.ToString());
    }

    public string RepoRoot { get; }

    /// <summary>A unique prerelease version: nothing cached under it can stand in for this build.</summary>
    public string Version { get; }

    /// <summary>The temporary directory holding the feed and the consumer application.</summary>
    public string Root { get; }

    public string Feed { get; }

    internal DotNet.Result PackResult { get; }

    public string PackagePath => Path.Combine(Feed, $"{Id}.{Version}.nupkg");

    public string SymbolPackagePath => Path.Combine(Feed, $"{Id}.{Version}.snupkg");

    public void Dispose()
    {
        DotNet.Result locals = DotNet.Run(Path.GetTempPath(), "nuget", "locals", "global-packages", "--list");
        const string prefix = "global-packages:";
        string? line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        if (line is not null)
        {
            string idFolder = Path.Combine(line[prefix.Length..].Trim(), Id.ToLowerInvariant());
            string versionFolder = Path.Combine(idFolder, Version.ToLowerInvariant());
            if (Directory.Exists(versionFolder)) Directory.Delete(versionFolder, recursive: true);
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any()) Directory.Delete(idFolder);
        }
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No Autoencoder.sln above '{AppContext.BaseDirectory}'.");
    }
}
