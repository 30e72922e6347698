using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Training;

public sealed class CompositeObserverTests
{
    private sealed class Logged(string name, List<string> log, bool throwOnDispose = false) : ITrainingObserver, IDisposable
    {
        public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch) => log.Add($"{name} start {epoch}");
        public void OnBatchEnd(int epoch, long samplesSoFar) => log.Add($"{name} batch {samplesSoFar}");
        public void OnEpochEnd(EpochResult result) => log.Add($"{name} end {result.Epoch}");
        public void OnTrainingEnd(TrainingReport report) => log.Add($"{name} finish {report.Epochs.Count}");

        public void Dispose()
        {
            log.Add($"{name} disposed");
            if (throwOnDispose)
                throw new InvalidOperationException(name);
        }
    }

    [Fact]
    public void Every_callback_reaches_every_observer_in_the_order_added()
    {
        var log = new List<string>();
        var group = new CompositeObserver(new Logged("a", log));
        group.Add(new Logged("b", log));

        group.OnEpochStart(1, 1, 10);
        group.OnBatchEnd(1, 10);
        var epoch = new EpochResult(1, 0.5, null, TimeSpan.FromSeconds(1), 10);
        group.OnEpochEnd(epoch);
        group.OnTrainingEnd(new TrainingReport([epoch], TimeSpan.FromSeconds(1), cancelled: false));

        log.ShouldBe(new[] {
            "a start 1", "b start 1", "a batch 10", "b batch 10", "a end 1", "b end 1", "a finish 1", "b finish 1" });
        group.Observers.Count.ShouldBe(2);
    }

    [Fact]
    public void Dispose_disposes_every_observer_last_first_even_when_one_throws()
    {
        var log = new List<string>();
        var group = new CompositeObserver(new Logged("a", log), new Logged("b", log, throwOnDispose: true), new Logged("c", log));

        Should.Throw<InvalidOperationException>(group.Dispose).Message.ShouldBe("b");

        log.ShouldBe(new[] { "c disposed", "b disposed", "a disposed" });
        group.Dispose(); // once only
        log.Count.ShouldBe(3);
        Should.Throw<ObjectDisposedException>(() => group.Add(new Logged("d", log)));
    }
}
