using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using Autoencoder.Build;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Autoencoder.Package.Tests;

/// <summary>The Autoencoder.Dsl package: what it holds, and a fresh application that uses it and nothing else.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class PackageTests : IClassFixture<PackedPackage>
{
    private readonly PackedPackage _package;
    private readonly ITestOutputHelper _log;

    public PackageTests(PackedPackage package, ITestOutputHelper log)
    {
        _package = package;
        _log = log;
    }

    [Fact]
    public void PackageHoldsTheAssembliesTheGeneratorAndTheBuildLogic()
    {
        string[] entries = Entries(_package.PackagePath);

        entries.ShouldContain("lib/net10.0/Autoencoder.Dsl.dll");
        entries.ShouldContain("lib/net10.0/Autoencoder.Dsl.xml");
        entries.ShouldContain("lib/net10.0/Autoencoder.Runtime.dll");
        entries.ShouldContain("lib/net10.0/Autoencoder.Runtime.xml");
        entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith(".dll", StringComparison.Ordinal))
            .Count().ShouldBe(2, "the package project's own empty assembly must not ship");
        entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal)
            .ShouldBe(new[] { "analyzers/dotnet/cs/Autoencoder.Generators.dll", "analyzers/dotnet/cs/YamlDotNet.dll" });
        foreach (string folder in new[] { "build", "buildTransitive" })
        {
            entries.ShouldContain($"{folder}/Autoencoder.Dsl.targets");
            entries.ShouldContain($"{folder}/Autoencoder.Generators.targets");
            entries.ShouldContain($"{folder}/Autoencoder.Runtime.targets");
            entries.ShouldContain($"{folder}/LibTorchSharpNativePatch.cs");
        }
        entries.ShouldContain("LICENSE");
        entries.ShouldContain("README.md");
    }

    [Fact]
    public void SymbolPackageHoldsThePdbsOfTheShippedAssemblies()
    {
        Entries(_package.SymbolPackagePath).Where(e => e.EndsWith(".pdb", StringComparison.Ordinal)).OrderBy(e => e, StringComparer.Ordinal)
            .ShouldBe(new[] { "lib/net10.0/Autoencoder.Dsl.pdb", "lib/net10.0/Autoencoder.Runtime.pdb" });
    }

    [Fact]
    public void MetadataNamesTheLicenseReadmeAndAuthors()
    {
        XElement metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Value("id").ShouldBe(PackedPackage.Id);
        Value("version").ShouldBe(_package.Version);
        Value("license").ShouldBe("MIT");
        Value("readme").ShouldBe("README.md");
        Value("authors").ShouldBe("The Autoencoder.Dsl authors");
        Value("description").ShouldNotBeNullOrWhiteSpace();
        Value("tags").ShouldContain("autoencoder");
    }

    [Fact]
    public void DependenciesAreExactlyTheRuntimesPackageReferences()
    {
        // The package project lists the runtime's dependencies by hand; a reference added to one and not the other
        // would compile here and fail in a consumer's build or at run time.
        XDocument runtime = XDocument.Load(Path.Combine(_package.RepoRoot, "src", "Autoencoder.Runtime", "Autoencoder.Runtime.csproj"));
        XDocument versions = XDocument.Load(Path.Combine(_package.RepoRoot, "Directory.Packages.props"));
        var expected = runtime.Descendants("PackageReference")
            .Select(r => (string)r.Attribute("Include")!)
            .Select(id => $"{id} {(string)versions.Descendants("PackageVersion").Single(v => (string)v.Attribute("Include")! == id).Attribute("Version")!}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();

        Nuspec().Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(d => $"{(string)d.Attribute("id")!} {(string)d.Attribute("version")!}")
            .OrderBy(d => d, StringComparer.Ordinal)
            .ShouldBe(expected);
        Nuspec().Descendants().Where(e => e.Name.LocalName == "group").Select(g => (string)g.Attribute("targetFramework")!)
            .ShouldBe(new[] { "net10.0" });
    }

    [Fact]
    public void FreshApplicationBuildsWithoutWarningsAndTrainsBothModels()
    {
        _log.WriteLine($"pack: {_package.PackResult.Elapsed.TotalSeconds:F1} s");
        string app = CreateConsumerApplication();

        DotNet.Result build = DotNet.Run(app, "build", "-c", "Release", "-tl:off");
        _log.WriteLine($"restore and build: {build.Elapsed.TotalSeconds:F1} s");
        build.ExitCode.ShouldBe(0, build.ToString());
        build.Output.ShouldContain(" 0 Warning(s)", Case.Sensitive, build.ToString());

        string output = Path.Combine(app, "bin", "Release", "net10.0");
        DotNet.Result run = DotNet.Run(app, "dotnet", new[] { Path.Combine(output, "ConsumerApp.dll") });
        _log.WriteLine($"run: {run.Elapsed.TotalSeconds:F1} s");
        run.ExitCode.ShouldBe(0, run.ToString());

        foreach (string model in new[] { "attribute", "yaml" })
        {
            double[] losses = Losses(run.Output, model);
            losses.Length.ShouldBe(5, run.ToString());
            losses.ShouldAllBe(l => double.IsFinite(l) && l > 0, run.ToString());
            for (int i = 1; i < losses.Length; i++)
            {
                losses[i].ShouldBeLessThan(losses[i - 1], $"{model}: each full-batch Adam step should lower the loss\n{run}");
            }
        }
        Losses(run.Output, "attribute").ShouldNotBe(Losses(run.Output, "yaml"), "the two declarations are different models");

        // A portable build keeps only this platform's natives (the package's targets drop the others').
        Directory.GetDirectories(Path.Combine(output, "runtimes")).Select(Path.GetFileName)
            .ShouldBe(new[] { RuntimeInformation.RuntimeIdentifier });
        if (OperatingSystem.IsLinux())
        {
            NativeLibraryIsPatchedExactlyWhenTheHostNeedsIt(Path.Combine(output, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"));
        }
    }

    private static void NativeLibraryIsPatchedExactlyWhenTheHostNeedsIt(string library)
    {
        const string version = "GLIBCXX_3.4.32";
        VersionNeed? need;
        using (var stream = new FileStream(library, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            need = ElfVersionNeedPatcher.Find(stream, version);
        }
        need.ShouldNotBeNull($"TorchSharp 0.107's {library} requires {version}");
        string? libstdcxx = HostLibStdCxx.Locate();
        bool hostHasIt = libstdcxx is not null && HostLibStdCxx.Provides(libstdcxx, version);
        need.IsWeak.ShouldBe(!hostHasIt, "the package's build step marks the requirement weak exactly when this host lacks it");
    }

    /// <summary>
    /// A console application in the temporary directory, outside the repository: its own nuget.config (the local feed
    /// for this package, the repository's feeds for everything else), its own global.json, and empty Directory.* files
    /// so that no MSBuild settings from directories above it apply.
    /// </summary>
    private string CreateConsumerApplication()
    {
        string root = _package.Root;
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
        File.Copy(Path.Combine(_package.RepoRoot, "global.json"), Path.Combine(root, "global.json"));
        File.WriteAllText(Path.Combine(root, "nuget.config"), NuGetConfig());

        string app = Path.Combine(root, "app");
        Directory.CreateDirectory(app);
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "ConsumerApp")))
        {
            File.Copy(file, Path.Combine(app, Path.GetFileName(file)));
        }
        File.WriteAllText(Path.Combine(app, "ConsumerApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <MSBuildTreatWarningsAsErrors>true</MSBuildTreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedPackage.Id}" Version="{_package.Version}" />
              </ItemGroup>
            </Project>
            """);
        return app;
    }

    private string NuGetConfig()
    {
        XDocument repo = XDocument.Load(Path.Combine(_package.RepoRoot, "nuget.config"));
        var sources = repo.Descendants("packageSources").Elements("add").ToList();
        sources.ShouldNotBeEmpty("the repository's nuget.config names its feeds");
        var config = new XElement("configuration",
            new XElement("packageSources",
                new XElement("clear"),
                new XElement("add", new XAttribute("key", "autoencoder-local"), new XAttribute("value", _package.Feed)),
                sources.Select(s => new XElement(s))),
            // This package comes from the local feed only; every other package from the repository's feeds.
            new XElement("packageSourceMapping",
                new XElement("packageSource", new XAttribute("key", "autoencoder-local"),
                    new XElement("package", new XAttribute("pattern", PackedPackage.Id))),
                sources.Select(s => new XElement("packageSource", new XAttribute("key", (string)s.Attribute("key")!),
                    new XElement("package", new XAttribute("pattern", "*"))))));
        return new XDocument(config).ToString();
    }

    private static double[] Losses(string output, string model) =>
        output.Split('\n')
            .Select(line => line.Trim().Split(' '))
            .Where(parts => parts.Length == 4 && parts[0] == "loss" && parts[1] == model)
            .Select(parts => double.Parse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture))
            .ToArray();

    private static string[] Entries(string package)
    {
        File.Exists(package).ShouldBeTrue($"pack should have written {package}");
        using ZipArchive zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private XDocument Nuspec()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        using Stream stream = zip.GetEntry($"{PackedPackage.Id}.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
