using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Generated;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generative;

/// <summary>
/// Generated VQ-VAEs train, identify themselves and load their files as they did when the whole algorithm was generated
/// into each model (the code as of d510ed4): the losses below were recorded from that code with the same seeds, and the
/// files in PreRuntimeQuantizer/ were written by it.
/// </summary>
/// <remarks>
/// Recorded on the shared 2-core CI machine, where the runs now agree in every bit (losses, terms, every tensor of the
/// final state and the global generator's state). The assertions allow 1e-6 (relative, or absolute below 1) so that
/// another CPU's float kernels do not fail them.
/// </remarks>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class VectorQuantizerRegressionTests
{
    private sealed record RecordedEpoch(double TrainLoss, (string Name, double Value)[] Terms);

    private static readonly RecordedEpoch[] TinyEmaVqVaeEpochs =
    [
        new(0.10247331112623215, [("reconstruction", 0.10125651396811008), ("commitment", 0.0012167981039965525), ("perplexity", 9.017666757106781), ("usage", 0.4453125)]),
        new(0.07501334603875875, [("reconstruction", 0.07478540949523449), ("commitment", 0.0002279370055475738), ("perplexity", 3.710708498954773), ("usage", 0.1640625)]),
        new(0.05121213663369417, [("reconstruction", 0.0508999633602798), ("commitment", 0.00031217273499350995), ("perplexity", 4.197937488555908), ("usage", 0.1796875)]),
        new(0.03108298243023455, [("reconstruction", 0.029993507778272033), ("commitment", 0.001089475041226251), ("perplexity", 2.0923945009708405), ("usage", 0.125)]),
        new(0.01808241754770279, [("reconstruction", 0.017214974155649543), ("commitment", 0.0008674435957800597), ("perplexity", 2.38255013525486), ("usage", 0.1015625)]),
    ];

    private static readonly RecordedEpoch[] TinyGradientVqVaeEpochs =
    [
        new(0.08242265693843365, [("reconstruction", 0.07998310029506683), ("codebook", 0.0019516462380124722), ("commitment", 0.00048791155950311804), ("perplexity", 2.8107401579618454), ("usage", 0.2421875)]),
        new(0.06288849236443639, [("reconstruction", 0.060786972753703594), ("codebook", 0.001681215417193016), ("commitment", 0.000420303854298254), ("perplexity", 3.156700536608696), ("usage", 0.3125)]),
        new(0.045669271145015955, [("reconstruction", 0.039473554817959666), ("codebook", 0.004956573306117207), ("commitment", 0.0012391433265293017), ("perplexity", 2.3978952169418335), ("usage", 0.2578125)]),
        new(0.02776081790216267, [("reconstruction", 0.020211900235153735), ("codebook", 0.006039134066668339), ("commitment", 0.0015097835166670848), ("perplexity", 3.487219989299774), ("usage", 0.3046875)]),
        new(0.015579477185383439, [("reconstruction", 0.013035768526606262), ("codebook", 0.0020349668848211877), ("commitment", 0.0005087417212052969), ("perplexity", 5.460695534944534), ("usage", 0.421875)]),
    ];

    private static readonly RecordedEpoch[] TinyConvGradientVqVaeEpochs =
    [
        new(0.135871397331357, [("reconstruction", 0.09864649176597595), ("codebook", 0.024816602934151888), ("commitment", 0.012408301583491266), ("perplexity", 2.41636860370636), ("usage", 0.09375)]),
        new(0.1162209752947092, [("reconstruction", 0.09268461354076862), ("codebook", 0.01569090853445232), ("commitment", 0.007845454441849142), ("perplexity", 2.1284486949443817), ("usage", 0.07421875)]),
        new(0.10898126382380724, [("reconstruction", 0.08303888142108917), ("codebook", 0.017294922843575478), ("commitment", 0.008647461829241365), ("perplexity", 1.2532798647880554), ("usage", 0.046875)]),
        new(0.10672423988580704, [("reconstruction", 0.07101265154778957), ("codebook", 0.023807725636288524), ("commitment", 0.011903863400220871), ("perplexity", 1.0), ("usage", 0.03125)]),
        new(0.1059528524056077, [("reconstruction", 0.05743279634043574), ("codebook", 0.03234670520760119), ("commitment", 0.01617335225455463), ("perplexity", 1.0), ("usage", 0.03125)]),
    ];

    private static readonly RecordedEpoch[] TinyDenseEmaVqVaeEpochs =
    [
        new(0.6854325830936432, [("reconstruction", 0.6847590133547783), ("commitment", 0.0006735724800819298), ("perplexity", 1.3308907449245453), ("usage", 0.1015625)]),
        new(0.6504846513271332, [("reconstruction", 0.6486921906471252), ("commitment", 0.0017924601343111135), ("perplexity", 1.0186492502689362), ("usage", 0.0703125)]),
        new(0.6129973828792572, [("reconstruction", 0.6088861599564552), ("commitment", 0.0041112147737294436), ("perplexity", 1.0), ("usage", 0.0625)]),
        new(0.5764754638075829, [("reconstruction", 0.572416365146637), ("commitment", 0.004059101527673192), ("perplexity", 1.0), ("usage", 0.0625)]),
        new(0.5509428605437279, [("reconstruction", 0.5500525012612343), ("commitment", 0.0008903639900381677), ("perplexity", 1.0186492502689362), ("usage", 0.0703125)]),
    ];

    private static string Fixtures => Path.Combine(RepoPaths.Root, "tests", "Autoencoder.Runtime.Tests", "Generative", "PreRuntimeQuantizer");

    private static Tensor Images(int count, ulong seed) => SyntheticImages.Create(count, seed).reshape(count, 1, 8, 8);

    public static TheoryData<string> Models => new() { "TinyEmaVqVae", "TinyGradientVqVae", "TinyConvGradientVqVae", "TinyDenseEmaVqVae" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Training_gives_the_losses_recorded_before_the_quantizer_moved_into_the_runtime(string model)
    {
        var (report, expected) = model switch
        {
            "TinyEmaVqVae" => (TinyEmaVqVae.Trainer.Create().Fit(Images(256, 1)), TinyEmaVqVaeEpochs),
            "TinyGradientVqVae" => (TinyGradientVqVae.Trainer.Create().Fit(SyntheticImages.Create(256, 2)), TinyGradientVqVaeEpochs),
            "TinyConvGradientVqVae" => (TinyConvGradientVqVae.Trainer.Create().Fit(Images(256, 8)), TinyConvGradientVqVaeEpochs),
            "TinyDenseEmaVqVae" => (TinyDenseEmaVqVae.Trainer.Create().Fit(SyntheticImages.Create(256, 9)), TinyDenseEmaVqVaeEpochs),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
        };

        report.Epochs.Count.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var epoch = report.Epochs[i];
            ShouldBeClose(epoch.TrainLoss, expected[i].TrainLoss, $"epoch {i + 1} loss");
            epoch.TrainTerms.Select(t => t.Name).ShouldBe(expected[i].Terms.Select(t => t.Name));
            foreach (var (term, recorded) in epoch.TrainTerms.Zip(expected[i].Terms))
                ShouldBeClose(term.Value, recorded.Value, $"epoch {i + 1} {term.Name}");
        }
    }

    [Fact]
    public void Fingerprints_are_those_recorded_before()
    {
        TinyEmaVqVae.Fingerprint.ShouldBe("07300124a8ce9605");
        TinyGradientVqVae.Fingerprint.ShouldBe("c546750d56532885");
        TinyConvGradientVqVae.Fingerprint.ShouldBe("a86b2075ba9373b4");
        TinyDenseEmaVqVae.Fingerprint.ShouldBe("f7eb8fd35e8a2f26");
    }

    [Fact]
    public void Model_files_written_before_load_and_save_back_byte_for_byte()
    {
        using var directory = new TempDirectory();
        foreach (var (name, model, fingerprint) in new (string, nn.Module, string)[]
                 {
                     ("TinyEmaVqVae", new TinyEmaVqVae(), TinyEmaVqVae.Fingerprint),
                     ("TinyGradientVqVae", new TinyGradientVqVae(), TinyGradientVqVae.Fingerprint),
                 })
        {
            using (model)
            {
                var old = Path.Combine(Fixtures, name + ".aemodel");
                ModelFile.Load(old, name, fingerprint, model);

                // The same keys in the same order, the same values and the same identity: the same bytes.
                var saved = Path.Combine(directory.Path, name + ".aemodel");
                ModelFile.Save(saved, name, fingerprint, model);
                File.ReadAllBytes(saved).ShouldBe(File.ReadAllBytes(old), name);
            }
        }
    }

    [Fact]
    public void Checkpoints_written_before_resume_exactly_as_the_runs_own()
    {
        using var images = Images(128, 6);
        Resumes("TinyEmaVqVae", directory =>
        {
            var trainer = TinyEmaVqVae.Trainer.Create(new TinyEmaVqVae.TrainingOptions
            {
                Epochs = 3, Checkpoints = new CheckpointOptions { Directory = directory },
            });
            return (trainer.Fit(images), trainer.Model);
        });

        using var vectors = SyntheticImages.Create(128, 6);
        Resumes("TinyGradientVqVae", directory =>
        {
            var trainer = TinyGradientVqVae.Trainer.Create(new TinyGradientVqVae.TrainingOptions
            {
                Epochs = 3, Checkpoints = new CheckpointOptions { Directory = directory },
            });
            return (trainer.Fit(vectors), trainer.Model);
        });
    }

    /// <summary>Three epochs from scratch, then three from the checkpoint the code before the change wrote after epoch 1.</summary>
    private static void Resumes(string name, Func<string, (TrainingReport Report, nn.Module Model)> fit)
    {
        using var uninterruptedDirectory = new TempDirectory();
        var (expected, expectedModel) = fit(uninterruptedDirectory.Path);

        using var directory = new TempDirectory();
        File.Copy(Path.Combine(Fixtures, name + ".epoch-0001.ckpt"), Path.Combine(directory.Path, "epoch-0001.ckpt"));
        var (resumed, resumedModel) = fit(directory.Path);

        resumed.ResumedFrom.ShouldNotBeNull(name);
        resumed.Epochs.Select(e => e.TrainLoss).ShouldBe(expected.Epochs.Select(e => e.TrainLoss), name);
        var actual = resumedModel.state_dict();
        foreach (var (key, value) in expectedModel.state_dict())
            actual[key].equal(value).all().item<bool>().ShouldBeTrue($"{name}: {key} differs after resuming");
    }

    private static void ShouldBeClose(double actual, double expected, string what)
        => Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(1e-6 * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R}, recorded {expected:R}");
}
