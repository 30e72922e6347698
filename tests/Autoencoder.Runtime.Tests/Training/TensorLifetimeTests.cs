using System;
using System.IO;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Tests.Generated;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Spectre.Console;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>
/// Training, evaluation and the reporting observers free every tensor they create. TorchSharp's dispose-scope statistics
/// count, for the current thread, tensors created minus tensors disposed (by hand or by a dispose scope); a tensor left
/// to the garbage collector stays counted, so the count after a call equals the count before it only if nothing leaked.
/// </summary>
/// <remarks>
/// The counts are exact, not "at most a few": Adam creates its moment estimates with the optimizer, so they exist
/// before the first Fit, and nothing else legitimately outlives a step.
/// </remarks>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TensorLifetimeTests : IDisposable
{
    private const int Epochs = 3;
    private const int BatchSize = 32;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Live tensors created on this thread: the test's own thread, which runs Fit and the observers.</summary>
    private static long LiveTensors => DisposeScopeManager.Statistics.ThreadTotalLiveCount;

    /// <summary>Dense; convolutions with batch norm; convolutions with group and layer norm.</summary>
    public static TheoryData<string> Models => new() { nameof(ClassicMnistModel), nameof(ConvMnistModel), nameof(NormedMnistModel) };

    [Theory]
    [MemberData(nameof(Models))]
    public void Fit_with_validation_leaves_as_many_live_tensors_as_there_were_before(string model)
    {
        using var run = GeneratedRun.Create(model);
        var before = LiveTensors;

        var report = run.Fit(run.Train, run.Validation);

        report.Epochs.Count.ShouldBe(Epochs);
        report.FinalValidationLoss.ShouldNotBeNull();
        LiveTensors.ShouldBe(before, "after the first Fit");

        // A second run on the same trainer (resuming with Adam's state from the first) also leaves nothing behind.
        run.Fit(run.Train, run.Validation);
        LiveTensors.ShouldBe(before, "after the second Fit");
    }

    [Fact]
    public void Fit_and_evaluation_of_an_objective_with_named_terms_leave_as_many_live_tensors_as_there_were_before()
    {
        using var train = SyntheticImages.Create(100, seed: 1);
        using var validation = SyntheticImages.Create(40, seed: 2);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 3);
        using var optimizer = new Adam(model.parameters(), 0.02);
        Func<Tensor, BatchObjective> objective = b => LossTermsTests.ReconstructionAndPenalty(model, b);
        var before = LiveTensors;

        var report = TrainingLoop.Fit(model, optimizer, objective, train, validation,
            new TrainingOptions { Epochs = Epochs, BatchSize = BatchSize });

        report.Epochs[^1].TrainTerms.Length.ShouldBe(2);
        report.Epochs[^1].ValidationTerms.Length.ShouldBe(2);
        LiveTensors.ShouldBe(before, "after Fit");
        TrainingLoop.EvaluateObjective(model, objective, validation, BatchSize).Terms.Length.ShouldBe(2);
        LiveTensors.ShouldBe(before, "after EvaluateObjective");
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Evaluation_leaves_as_many_live_tensors_as_there_were_before(string model)
    {
        using var run = GeneratedRun.Create(model);
        using var other = run.Train[..(int)run.Validation.shape[0]];
        var before = LiveTensors;

        run.Evaluate(run.Validation).Count.ShouldBe((int)run.Validation.shape[0]);
        LiveTensors.ShouldBe(before, "after ReconstructionMetrics.Evaluate");
        double.IsFinite(run.EvaluateLoss(run.Validation)).ShouldBeTrue();
        LiveTensors.ShouldBe(before, "after TrainingLoop.Evaluate");
        ReconstructionMetrics.Mse(run.Validation, other).ShouldBePositive();
        ReconstructionMetrics.Bce(run.Validation, other).ShouldBePositive();
        ReconstructionMetrics.PsnrPerImage(run.Validation, other).Length.ShouldBe((int)run.Validation.shape[0]);
        LiveTensors.ShouldBe(before, "after the metric primitives");
    }

    [Fact]
    public void The_reporting_observers_leave_only_the_renderers_copy_which_it_frees()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
        });
        var observers = new CompositeObserver(new ConsoleProgressBar(console));
        using var run = GeneratedRun.Create(nameof(ClassicMnistModel), observers);
        using var shown = run.Validation[..4];
        var beforeObservers = LiveTensors;

        // As the examples attach them (examples/Shared/ExampleReporting.cs).
        var metrics = new ReconstructionEpochMetrics(run.Model, run.Reconstruct, run.Validation, BatchSize, prefix: "validation");
        var renderer = new ReconstructionRenderer(run.Model, run.Reconstruct, shown);
        LiveTensors.ShouldBe(beforeObservers + 1, "the renderer keeps one copy of its images");
        var jsonLines = new JsonLinesMetricsLog(_temp.File("metrics.jsonl"), metrics);
        observers.Add(jsonLines);
        observers.Add(new TensorBoardLog(_temp.File("tensorboard"), metrics, renderer));
        observers.Add(new LossCurvePlot(_temp.File("loss.png")));
        var before = LiveTensors;

        run.Fit(run.Train, run.Validation);

        LiveTensors.ShouldBe(before, "after Fit with the observers");
        File.ReadAllLines(jsonLines.FilePath).Length.ShouldBe(Epochs);
        File.Exists(_temp.File("loss.png")).ShouldBeTrue();
        renderer.Render().Width.ShouldBePositive();
        LiveTensors.ShouldBe(before, "after another render");

        observers.Dispose();
        renderer.Dispose();
        LiveTensors.ShouldBe(beforeObservers, "after disposing the observers and the renderer");
    }

    [Fact]
    public void The_count_sees_a_tensor_that_an_observer_leaves_to_the_garbage_collector()
    {
        // The instrument itself: were the count blind to tensors created during Fit, the tests above could not fail.
        using var run = GeneratedRun.Create(nameof(ClassicMnistModel), new LeakingObserver());
        var before = LiveTensors;

        run.Fit(run.Train, run.Validation);

        LiveTensors.ShouldBe(before + Epochs);
    }

    /// <summary>Drops one tensor per epoch without disposing it.</summary>
    private sealed class LeakingObserver : ITrainingObserver
    {
        public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
        {
        }

        public void OnBatchEnd(int epoch, long samplesSoFar)
        {
        }

        public void OnEpochEnd(EpochResult result) => _ = ones(1);
    }

    /// <summary>One of the generated models with its trainer and a little data: 100 training samples (three full batches
    /// and a partial one) and 40 validation samples, uniform in [0, 1] so that BCE applies.</summary>
    private sealed class GeneratedRun : IDisposable
    {
        private readonly Func<Tensor, Tensor?, TrainingReport> _fit;

        private GeneratedRun(
            nn.Module model,
            Func<Tensor, Tensor?, TrainingReport> fit,
            Func<Tensor, ReconstructionReport> evaluate,
            Func<Tensor, double> evaluateLoss,
            Func<Tensor, Tensor> reconstruct,
            long[] inputShape)
        {
            Model = model;
            _fit = fit;
            Evaluate = evaluate;
            EvaluateLoss = evaluateLoss;
            Reconstruct = reconstruct;
            using var generator = new Generator(3);
            Train = rand([100, .. inputShape], generator: generator);
            Validation = rand([40, .. inputShape], generator: generator);
        }

        public nn.Module Model { get; }

        public Func<Tensor, ReconstructionReport> Evaluate { get; }

        public Func<Tensor, double> EvaluateLoss { get; }

        public Func<Tensor, Tensor> Reconstruct { get; }

        public Tensor Train { get; }

        public Tensor Validation { get; }

        public TrainingReport Fit(Tensor train, Tensor? validation) => _fit(train, validation);

        public static GeneratedRun Create(string model, ITrainingObserver? observer = null) => model switch
        {
            nameof(ClassicMnistModel) => From(ClassicMnistModel.Trainer.Create(new() { Epochs = Epochs, BatchSize = BatchSize, Observer = observer })),
            nameof(ConvMnistModel) => From(ConvMnistModel.Trainer.Create(new() { Epochs = Epochs, BatchSize = BatchSize, Observer = observer })),
            nameof(NormedMnistModel) => From(NormedMnistModel.Trainer.Create(new() { Epochs = Epochs, BatchSize = BatchSize, Observer = observer })),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
        };

        private static GeneratedRun From(ClassicMnistModel.Trainer t) =>
            new(t.Model, (x, v) => t.Fit(x, v), t.Evaluate, t.EvaluateLoss, t.Model.Reconstruct, ClassicMnistModel.InputShape);

        private static GeneratedRun From(ConvMnistModel.Trainer t) =>
            new(t.Model, (x, v) => t.Fit(x, v), t.Evaluate, t.EvaluateLoss, t.Model.Reconstruct, ConvMnistModel.InputShape);

        private static GeneratedRun From(NormedMnistModel.Trainer t) =>
            new(t.Model, (x, v) => t.Fit(x, v), t.Evaluate, t.EvaluateLoss, t.Model.Reconstruct, NormedMnistModel.InputShape);

        public void Dispose()
        {
            Validation.Dispose();
            Train.Dispose();
            Model.Dispose();
        }
    }
}
