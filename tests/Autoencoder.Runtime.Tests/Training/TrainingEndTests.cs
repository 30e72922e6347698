using System.Collections.Generic;
using System.Threading;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingEndTests
{
    private sealed class EndRecorder : ITrainingObserver
    {
        public List<TrainingReport> Reports { get; } = new();
        public int EpochsEnded { get; private set; }
        public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch) { }
        public void OnBatchEnd(int epoch, long samplesSoFar) { }
        public void OnEpochEnd(EpochResult result) => EpochsEnded++;
        public void OnTrainingEnd(TrainingReport report) => Reports.Add(report);
    }

    private static TrainingReport Fit(ITrainingObserver observer, int epochs, CancellationToken token = default)
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        return TrainingLoop.Fit(model, optimizer, b => nn.functional.mse_loss(model.forward(b), b),
            inputs, null, new TrainingOptions { Epochs = epochs, BatchSize = 5, Observer = observer }, token);
    }

    [Fact]
    public void The_observer_gets_the_returned_report_once_after_the_last_epoch()
    {
        var observer = new EndRecorder();

        var report = Fit(observer, epochs: 3);

        observer.Reports.ShouldHaveSingleItem().ShouldBeSameAs(report);
        observer.EpochsEnded.ShouldBe(3);
    }

    [Fact]
    public void A_cancelled_run_also_ends_with_its_partial_report()
    {
        var observer = new EndRecorder();

        var report = Fit(observer, epochs: 3, new CancellationToken(canceled: true));

        observer.Reports.ShouldHaveSingleItem().ShouldBeSameAs(report);
        report.Cancelled.ShouldBeTrue();
    }

    [Fact]
    public void Observers_that_do_not_implement_it_are_unaffected()
    {
        var observer = new RecordingObserver();

        Fit(observer, epochs: 1);

        observer.Calls[^1].ShouldBe("end 1");
    }
}
