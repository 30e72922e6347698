using System.Text.RegularExpressions;
using Shouldly;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>
/// Approved-file snapshots of generated code (Shouldly's received/approved workflow): a change writes
/// Snapshots/*.received.txt beside the approved file; review it and rename it to .approved.txt.
/// </summary>
internal static class Snapshot
{
    private static readonly Regex GeneratorVersion = new(@"GeneratedCode\(""Autoencoder.Generators"", ""[^""]*""\)");

    public static void Match(string generated, string name)
    {
        var scrubbed = GeneratorVersion.Replace(generated, @"GeneratedCode(""Autoencoder.Generators"", ""{version}"")");
        scrubbed.ShouldMatchApproved(c => c
            .SubFolder("Snapshots")
            .WithDiscriminator(name)
            .NoDiff()
            .LocateTestMethodUsingAttribute<Xunit.FactAttribute>());
    }
}
