using System;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopArgumentTests
{
    private static Exception FitFails(Tensor train, Tensor? validation, TrainingOptions options)
    {
        using var model = nn.Linear(4, 4);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        return Should.Throw<ArgumentException>(() =>
            TrainingLoop.Fit(model, optimizer, b => model.forward(b).mean(), train, validation, options));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Non_positive_batch_size_is_rejected(int batchSize)
    {
        using var train = zeros(8, 4);
        var error = FitFails(train, null, new TrainingOptions { BatchSize = batchSize });

        error.ShouldBeOfType<ArgumentOutOfRangeException>();
        error.Message.ShouldContain("Batch size must be positive");
    }

    [Fact]
    public void Negative_epochs_are_rejected()
    {
        using var train = zeros(8, 4);
        var error = FitFails(train, null, new TrainingOptions { Epochs = -1 });

        error.ShouldBeOfType<ArgumentOutOfRangeException>();
        error.Message.ShouldContain("Epochs must not be negative");
    }

    [Fact]
    public void Zero_epochs_is_allowed_and_trains_nothing()
    {
        using var train = zeros(8, 4);
        using var model = nn.Linear(4, 4);
        using var optimizer = new Sgd(model.parameters(), 0.01);

        var report = TrainingLoop.Fit(model, optimizer, b => model.forward(b).mean(), train, null, new TrainingOptions { Epochs = 0 });

        report.Epochs.ShouldBeEmpty();
        report.Cancelled.ShouldBeFalse();
    }

    [Fact]
    public void Empty_training_inputs_are_rejected()
    {
        using var train = zeros(0, 4);
        var error = FitFails(train, null, new TrainingOptions());

        error.ParamName().ShouldBe("trainInputs");
        error.Message.ShouldContain("at least one sample");
    }

    [Fact]
    public void Scalar_training_inputs_are_rejected()
    {
        using var train = tensor(1.0f);
        FitFails(train, null, new TrainingOptions()).ParamName().ShouldBe("trainInputs");
    }

    [Fact]
    public void Empty_validation_inputs_are_rejected()
    {
        using var train = zeros(8, 4);
        using var validation = zeros(0, 4);
        FitFails(train, validation, new TrainingOptions()).ParamName().ShouldBe("validationInputs");
    }

    [Fact]
    public void Validation_inputs_may_differ_only_in_the_sample_count()
    {
        using var train = zeros(8, 4);
        using var validation = zeros(3, 5);
        var error = FitFails(train, validation, new TrainingOptions());

        error.ParamName().ShouldBe("validationInputs");
        error.Message.ShouldContain("[3, 5]");
        error.Message.ShouldContain("[8, 4]");
    }

    [Fact]
    public void Validation_inputs_with_another_rank_are_rejected()
    {
        using var train = zeros(8, 4);
        using var validation = zeros(8, 2, 2);
        FitFails(train, validation, new TrainingOptions()).ParamName().ShouldBe("validationInputs");
    }

    [Fact]
    public void A_non_scalar_batch_loss_is_reported_clearly()
    {
        using var train = zeros(8, 4);
        using var model = nn.Linear(4, 4);
        using var optimizer = new Sgd(model.parameters(), 0.01);

        var error = Should.Throw<InvalidOperationException>(() =>
            TrainingLoop.Evaluate(model, b => model.forward(b), train, 4));

        error.Message.ShouldContain("batchLoss must return a scalar tensor but returned shape [4, 4]");
    }
}

internal static class ExceptionExtensions
{
    public static string? ParamName(this Exception e) => (e as ArgumentException)?.ParamName;
}
