using System;
using System.Linq;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// The declared training controls reach the runtime's own records, alike from attributes and YAML; Create puts the
/// model on the chosen device; the fingerprint follows the architecture, not the name.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedTrainingControlTests
{
    [Fact]
    public void Declared_controls_are_the_option_defaults_as_runtime_records()
    {
        var options = new ControlledModel.TrainingOptions();

        options.EarlyStopping.ShouldBe(new EarlyStopping(Patience: 3, MinDelta: 1e-3, RestoreBestWeights: false));
        options.Schedule.ShouldBe(new StepSchedule(StepSize: 2, Gamma: 0.5));
        options.GradientClipNorm.ShouldBe(0.5);
        options.Checkpoints.ShouldBeNull();
        options.Device.ShouldBe(TrainingDevice.Cpu);
        options.Threads.ShouldBeNull();
    }

    [Fact]
    public void Yaml_twin_declares_the_same_controls_and_architecture()
    {
        var fromAttributes = new ControlledModel.TrainingOptions();
        var fromYaml = new ControlledYamlModel.TrainingOptions();

        fromYaml.EarlyStopping.ShouldBe(fromAttributes.EarlyStopping);
        fromYaml.Schedule.ShouldBe(fromAttributes.Schedule);
        fromYaml.GradientClipNorm.ShouldBe(fromAttributes.GradientClipNorm);
        ControlledYamlModel.Fingerprint.ShouldBe(ControlledModel.Fingerprint);
    }

    [Fact]
    public void Undeclared_controls_are_null()
    {
        var options = new ClassicMnistModel.TrainingOptions();

        options.EarlyStopping.ShouldBeNull();
        options.Schedule.ShouldBeNull();
        options.GradientClipNorm.ShouldBeNull();
        ClassicMnistModel.Fingerprint.ShouldNotBe(ControlledModel.Fingerprint);
    }

    [Fact]
    public void Create_puts_the_model_on_the_device_and_applies_the_thread_count()
    {
        var threads = get_num_threads();

        var trainer = ControlledModel.Trainer.Create(new ControlledModel.TrainingOptions { Device = TrainingDevice.CudaIfAvailable, Threads = threads });

        var expected = cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        trainer.Model.parameters().ShouldAllBe(p => p.device_type == expected);
        get_num_threads().ShouldBe(threads);
        trainer.Model.Dispose();
    }

    [Fact]
    public void Create_on_cuda_without_cuda_fails_before_making_a_model()
    {
        if (cuda.is_available())
        {
            return;
        }

        Should.Throw<InvalidOperationException>(() => ControlledModel.Trainer.Create(new ControlledModel.TrainingOptions { Device = TrainingDevice.Cuda }))
            .Message.ShouldContain("CUDA is not available");
    }

    [Fact]
    public void Trainer_with_the_controls_trains()
    {
        using var data = rand(32, 16);

        var trainer = ControlledModel.Trainer.Create(new ControlledModel.TrainingOptions { Epochs = 2 });
        var before = trainer.EvaluateLoss(data);
        var report = trainer.Fit(data);

        report.Epochs.Count.ShouldBe(2);
        report.Epochs.All(e => double.IsFinite(e.TrainLoss)).ShouldBeTrue();
        // Clipped SGD with momentum on 32 random vectors: the MSE must still fall from the fresh weights' value.
        trainer.EvaluateLoss(data).ShouldBeLessThan(before);
        trainer.Model.Dispose();
    }
}
