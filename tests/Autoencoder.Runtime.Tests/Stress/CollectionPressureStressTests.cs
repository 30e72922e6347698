using System;
using System.Linq;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Autoencoder.Runtime.Tests.Stress;

/// <summary>
/// A short run of the benchmarks' stress mode (tests/Autoencoder.Benchmarks --stress): every model family trains with
/// checkpoints, and every inference path is called, while a thread forces garbage collections back to back. Before the
/// runtime held its Scalars, the sparse family died at step 14 and the contractive one at step 6 of such a run.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(RunsAloneCollection.Name)]
public sealed class CollectionPressureStressTests(ITestOutputHelper output)
{
    private const int Steps = 96;
    private const int Calls = 20;

    [Fact]
    public void Every_family_trains_and_infers_under_continuous_collections_without_a_failure()
    {
        var (exitCode, text) = BuiltProgram.Run("Autoencoder.Benchmarks", TimeSpan.FromMinutes(10),
            "--stress", "--steps", $"{Steps}", "--calls", $"{Calls}");
        output.WriteLine(text);

        exitCode.ShouldBe(0, text);
        var lines = text.Split('\n').Select(l => l.Trim()).ToArray();
        var trained = lines.Where(l => l.StartsWith("train ", StringComparison.Ordinal)).ToArray();
        trained.Length.ShouldBe(7, text);
        // Each family took every step (3 epochs of 32) and the loss fell.
        trained.ShouldAllBe(l => l.Contains($"steps {Steps,6}") && l.Contains("ok, train loss"));
        foreach (var line in trained)
        {
            var losses = line[(line.IndexOf("train loss ", StringComparison.Ordinal) + "train loss ".Length)..].Split(" -> ");
            double.Parse(losses[1], System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeLessThan(double.Parse(losses[0], System.Globalization.CultureInfo.InvariantCulture), line);
        }
        lines.Where(l => l.StartsWith("infer ", StringComparison.Ordinal)).ShouldAllBe(l => l.Contains($"calls {Calls,6}  failures    0"));
        lines.Count(l => l.StartsWith("infer ", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(7 * 4);
        lines.Single(l => l.StartsWith("stress: ", StringComparison.Ordinal)).ShouldContain("failures=0");
    }
}
