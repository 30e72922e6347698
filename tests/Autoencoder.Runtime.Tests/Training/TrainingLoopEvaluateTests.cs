using System;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopEvaluateTests
{
    [Fact]
    public void Evaluate_weights_batch_means_by_batch_size()
    {
        // Batches {0,1,2}, {3,4,5}, {6,7,8}, {9}: an unweighted mean of batch means would give 5.25, not 4.5.
        using var inputs = arange(10, dtype: ScalarType.Float64).unsqueeze(1);
        using var model = nn.Linear(1, 1);

        TrainingLoop.Evaluate(model, b => b.mean(), inputs, batchSize: 3).ShouldBe(4.5, tolerance: 1e-12);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Evaluate_runs_in_eval_mode_without_gradients_and_restores_the_mode(bool wasTraining)
    {
        using var inputs = ones(4, 2);
        using var model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5));
        model.train(wasTraining);
        bool? trainingInside = null, gradInside = null;

        TrainingLoop.Evaluate(model, b =>
        {
            trainingInside = model.training;
            gradInside = is_grad_enabled();
            return model.forward(b).mean();
        }, inputs, batchSize: 4);

        trainingInside.ShouldBe(false);
        gradInside.ShouldBe(false);
        model.training.ShouldBe(wasTraining);
        is_grad_enabled().ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_restores_the_mode_when_the_loss_throws()
    {
        using var inputs = ones(4, 2);
        using var model = nn.Linear(2, 2);
        model.train();

        Should.Throw<InvalidOperationException>(() =>
            TrainingLoop.Evaluate(model, (Func<Tensor, Tensor>)(_ => throw new InvalidOperationException("boom")), inputs, 2));

        model.training.ShouldBeTrue();
        is_grad_enabled().ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_rejects_bad_arguments()
    {
        using var model = nn.Linear(2, 2);
        using var inputs = ones(4, 2);
        using var empty = ones(0, 2);

        Should.Throw<ArgumentOutOfRangeException>(() => TrainingLoop.Evaluate(model, b => b.mean(), inputs, 0));
        Should.Throw<ArgumentException>(() => TrainingLoop.Evaluate(model, b => b.mean(), empty, 2)).ParamName.ShouldBe("inputs");
    }
}
