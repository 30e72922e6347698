using System.Threading;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopCancellationTests
{
    private static TrainingReport FitLinear(TrainingOptions options, CancellationToken token)
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        return TrainingLoop.Fit(model, optimizer, b => nn.functional.mse_loss(model.forward(b), b),
            inputs, inputs, options, token);
    }

    [Fact]
    public void Cancelling_after_an_epoch_returns_the_completed_epochs_marked_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var observer = new RecordingObserver { AfterEpoch = r => { if (r.Epoch == 2) cts.Cancel(); } };

        var report = FitLinear(new TrainingOptions { Epochs = 10, BatchSize = 5, Observer = observer }, cts.Token);

        report.Cancelled.ShouldBeTrue();
        report.Epochs.Count.ShouldBe(2);
        report.FinalTrainLoss.ShouldBe(report.Epochs[1].TrainLoss);
        report.FinalValidationLoss.ShouldNotBeNull();
    }

    [Fact]
    public void Cancelling_mid_epoch_stops_before_the_next_step_and_omits_the_partial_epoch()
    {
        using var cts = new CancellationTokenSource();
        var observer = new RecordingObserver { AfterBatch = (epoch, samples) => { if (epoch == 3 && samples == 10) cts.Cancel(); } };

        var report = FitLinear(new TrainingOptions { Epochs = 10, BatchSize = 5, Observer = observer }, cts.Token);

        report.Cancelled.ShouldBeTrue();
        report.Epochs.Count.ShouldBe(2);
        observer.Calls[^1].ShouldBe("batch 3 10");
    }

    [Fact]
    public void An_already_cancelled_token_trains_nothing_and_does_not_throw()
    {
        var observer = new RecordingObserver();

        var report = FitLinear(new TrainingOptions { Epochs = 3, Observer = observer }, new CancellationToken(canceled: true));

        report.Cancelled.ShouldBeTrue();
        report.Epochs.ShouldBeEmpty();
        report.FinalTrainLoss.ShouldBe(double.NaN);
        report.FinalValidationLoss.ShouldBeNull();
        observer.Calls.ShouldBeEmpty();
    }

    [Fact]
    public void A_run_that_finishes_is_not_marked_cancelled()
    {
        var report = FitLinear(new TrainingOptions { Epochs = 2, BatchSize = 7 }, CancellationToken.None);

        report.Cancelled.ShouldBeFalse();
        report.Epochs.Count.ShouldBe(2);
    }
}
