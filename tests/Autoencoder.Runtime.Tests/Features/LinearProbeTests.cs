using System;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Features;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class LinearProbeTests
{
    // Three Gaussian clusters in 5 dimensions, far apart along the first two, with a large offset and scale on the rest
    // (standardisation must cope with it).
    private static (Tensor Codes, Tensor Labels) Clusters(int count, ulong seed)
    {
        using var generator = new Generator(seed);
        var labels = randint(0, 3, new long[] { count }, generator: generator);
        using var centres = tensor(new float[,] { { 4, 0, 0, 0, 0 }, { -4, 4, 0, 0, 0 }, { -4, -4, 0, 0, 0 } });
        using var noise = randn(new long[] { count, 5 }, generator: generator);
        using var scale = tensor(new float[] { 1, 1, 100, 100, 100 });
        var codes = centres.index_select(0, labels) + noise * scale + 1000;
        return (codes, labels);
    }

    [Fact]
    public void Separable_classes_are_learned_almost_perfectly()
    {
        var (train, trainLabels) = Clusters(600, 1);
        var (test, testLabels) = Clusters(300, 2);
        using (train) using (trainLabels) using (test) using (testLabels)
        {
            var result = LinearProbe.Evaluate(train, trainLabels, test, testLabels, new LinearProbeOptions(Steps: 200, LearningRate: 0.05));

            result.Features.ShouldBe(5);
            result.Classes.ShouldBe(3);
            result.TrainAccuracy.ShouldBeGreaterThan(0.98);
            result.TestAccuracy.ShouldBeGreaterThan(0.98);
        }
    }

    [Fact]
    public void Random_labels_stay_near_chance_on_held_out_data()
    {
        using var generator = new Generator(4);
        using var train = randn(new long[] { 400, 20 }, generator: generator);
        using var trainLabels = randint(0, 4, new long[] { 400 }, generator: generator);
        using var test = randn(new long[] { 2000, 20 }, generator: generator);
        using var testLabels = randint(0, 4, new long[] { 2000 }, generator: generator);

        var result = LinearProbe.Evaluate(train, trainLabels, test, testLabels, new LinearProbeOptions(Steps: 200, LearningRate: 0.05));

        result.TestAccuracy.ShouldBeInRange(0.20, 0.30); // chance is 0.25
        result.TrainAccuracy.ShouldBeGreaterThan(result.TestAccuracy); // it can memorise a little of the training noise
    }

    [Fact]
    public void The_same_data_gives_the_same_probe()
    {
        var (codes, labels) = Clusters(200, 7);
        using (codes) using (labels)
        {
            using var first = LinearProbe.Fit(codes, labels, new LinearProbeOptions(Steps: 50));
            using var second = LinearProbe.Fit(codes, labels, new LinearProbeOptions(Steps: 50));

            second.TrainLoss.ShouldBe(first.TrainLoss);
            using var a = first.Predict(codes);
            using var b = second.Predict(codes);
            a.eq(b).all().item<bool>().ShouldBeTrue();
        }
    }

    [Fact]
    public void Mismatched_labels_are_reported()
    {
        using var codes = zeros(10, 3);
        using var labels = zeros(9, ScalarType.Int64);
        Should.Throw<ArgumentException>(() => LinearProbe.Fit(codes, labels)).Message.ShouldContain("[10]");
    }
}
