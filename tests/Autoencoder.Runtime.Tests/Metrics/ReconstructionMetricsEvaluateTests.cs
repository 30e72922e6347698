using System;
using System.Linq;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Metrics;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class ReconstructionMetricsEvaluateTests
{
    [Fact]
    public void Batched_evaluation_equals_the_whole_set_metrics()
    {
        using var generator = new Generator(8);
        using var inputs = rand(new long[] { 7, 2, 3 }, generator: generator);
        using var reconstructed = inputs * 0.9 + 0.05;
        using var model = nn.Linear(1, 1);

        // 7 images in batches of 3, 3 and 1.
        var report = ReconstructionMetrics.Evaluate(model, x => x * 0.9 + 0.05, inputs, batchSize: 3);

        report.Count.ShouldBe(7);
        report.Mse.ShouldBe(ReconstructionMetrics.Mse(reconstructed, inputs), tolerance: 1e-12);
        report.Bce.ShouldBe(ReconstructionMetrics.Bce(reconstructed, inputs), tolerance: 1e-12);
        report.Psnr.ShouldBe(ReconstructionMetrics.PsnrPerImage(reconstructed, inputs).Average(), tolerance: 1e-9);
    }

    [Fact]
    public void Evaluation_uses_eval_mode_and_restores_training_mode()
    {
        using var inputs = ones(4, 3);
        using var model = nn.Dropout(0.9);
        model.train();

        // In train mode dropout would zero most pixels; in eval mode it is the identity.
        var report = ReconstructionMetrics.Evaluate(model, x => model.forward(x), inputs, batchSize: 2);

        report.Mse.ShouldBe(0.0);
        report.Psnr.ShouldBe(100.0, tolerance: 1e-9);
        model.training.ShouldBeTrue();
    }

    [Fact]
    public void A_reconstruction_of_another_shape_is_reported()
    {
        using var inputs = ones(4, 3);
        using var model = nn.Linear(3, 2);

        var error = Should.Throw<ArgumentException>(() =>
            ReconstructionMetrics.Evaluate(model, x => model.forward(x), inputs, batchSize: 4));
        error.Message.ShouldContain("[4, 2]");
        error.Message.ShouldContain("[4, 3]");
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        using var model = nn.Linear(3, 3);
        using var inputs = ones(4, 3);
        using var empty = ones(0, 3);

        Should.Throw<ArgumentOutOfRangeException>(() => ReconstructionMetrics.Evaluate(model, x => x, inputs, 0));
        Should.Throw<ArgumentException>(() => ReconstructionMetrics.Evaluate(model, x => x, empty, 2)).ParamName.ShouldBe("inputs");
    }
}
