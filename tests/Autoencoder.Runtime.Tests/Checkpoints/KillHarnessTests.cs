using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Autoencoder.Runtime.Tests.Checkpoints;

/// <summary>
/// A small sample of tests/Autoencoder.KillHarness: training processes SIGKILLed at random moments and in checkpoint
/// writes always leave a loadable newest checkpoint and resume to the uninterrupted run's weights, bit for bit.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(RunsAloneCollection.Name)]
public sealed class KillHarnessTests(ITestOutputHelper output)
{
    private const int Runs = 3;
    private const int KillsPerRun = 2;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void Killed_training_leaves_a_loadable_newest_checkpoint_and_resumes_bit_identically() =>
        // Smaller children than the harness's default (2 epochs of 2,048 images) keep this near half a minute.
        RunAndCheck("--epochs", "2", "--samples", "2048", "--every-steps", "4");

    [Fact]
    public void Killed_training_on_a_streamed_image_folder_resumes_bit_identically_on_other_decode_threads() =>
        // 128 images: 9 steps an epoch, so kills fall inside epochs and between their checkpoints.
        RunAndCheck("--images", "--epochs", "2", "--samples", "128", "--every-steps", "4");

    private void RunAndCheck(params string[] training)
    {
        var (exitCode, text) = RunHarness(
            ["--runs", $"{Runs}", "--kills-per-run", $"{KillsPerRun}", "--seed", "3", .. training]);
        output.WriteLine(text);

        exitCode.ShouldBe(0, text);
        var tally = Tally(text);
        tally["failures"].ShouldBe(0, text);
        tally["runs"].ShouldBe(Runs);
        tally["digests_equal"].ShouldBe(Runs, "every run must end with the uninterrupted run's weights");
        tally["best_right"].ShouldBe(Runs, "best.ckpt must hold the best epoch however the kills fell");
        tally["resumes"].ShouldBe(tally["resumes_expected"], "every last child with a checkpoint must resume from the newest");
        tally["verify_failed"].ShouldBe(0);
        tally["verified"].ShouldBe(tally["kills"] - tally["before_checkpoint"], "each kill after the first checkpoint is checked");
        tally["kills"].ShouldBe(tally["timed_kills"] + tally["write_kills"]);
        tally["mid_write"].ShouldBeLessThanOrEqualTo(tally["kills"]);
        // A run stops killing once a child finishes before its kill; otherwise every planned kill lands.
        (tally["kills"] + tally["finished_before_kill"]).ShouldBeInRange(Runs, Runs * KillsPerRun);
        tally["kills"].ShouldBeGreaterThanOrEqualTo(Runs);
        tally["children"].ShouldBe(1 + tally["kills"] + tally["finished_before_kill"] + Runs, "the reference, the killed, the finished and the last");
    }

    private static (int ExitCode, string Output) RunHarness(params string[] arguments) =>
        BuiltProgram.Run("Autoencoder.KillHarness", Timeout, arguments);

    /// <summary>The harness's last line: <c>TALLY runs=3 kills=6 ...</c>.</summary>
    private static Dictionary<string, int> Tally(string text)
    {
        string line = text.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("TALLY ", StringComparison.Ordinal))
            ?? throw new ShouldAssertException("The harness printed no TALLY line:\n" + text);
        return line["TALLY ".Length..].Split(' ').Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
    }
}
