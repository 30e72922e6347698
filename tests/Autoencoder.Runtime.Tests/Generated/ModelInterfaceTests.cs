using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Corruption;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Restoration;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Generated models implement the runtime's model interfaces (Autoencoder.Runtime.Models): each family and declaration the
/// expected ones, checked where it compiles (the generic helpers below accept only a model that implements them), and every
/// interface member gives what the concrete member gives; the runtime jobs' interface forms agree with their delegate forms.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class ModelInterfaceTests
{
    [Fact]
    public void Each_family_implements_IAutoencoder_of_itself_with_the_generated_constants()
    {
        ShouldHaveTheGeneratedConstants<ClassicMnistModel>(ClassicMnistModel.Fingerprint, ClassicMnistModel.InputShape, ClassicMnistModel.CodeShape, ClassicMnistModel.Summary);
        ShouldHaveTheGeneratedConstants<DenoisingTestModel>(DenoisingTestModel.Fingerprint, DenoisingTestModel.InputShape, DenoisingTestModel.CodeShape, DenoisingTestModel.Summary);
        ShouldHaveTheGeneratedConstants<BarsVae>(BarsVae.Fingerprint, BarsVae.InputShape, BarsVae.CodeShape, BarsVae.Summary);
        ShouldHaveTheGeneratedConstants<TinyEmaVqVae>(TinyEmaVqVae.Fingerprint, TinyEmaVqVae.InputShape, TinyEmaVqVae.CodeShape, TinyEmaVqVae.Summary);
        ShouldHaveTheGeneratedConstants<MnistCodec>(MnistCodec.Fingerprint, MnistCodec.InputShape, MnistCodec.CodeShape, MnistCodec.Summary);
        ShouldHaveTheGeneratedConstants<ControlledModel>(ControlledModel.Fingerprint, ControlledModel.InputShape, ControlledModel.CodeShape, ControlledModel.Summary);
    }

    [Fact]
    public void Each_model_has_the_capabilities_of_its_family_and_declaration()
    {
        // Compile-time: each helper takes only a model with that capability.
        using (var denoiser = new DenoisingTestModel())
            Capability<IDenoisingAutoencoder, DenoisingTestModel>(denoiser).ShouldBeSameAs(denoiser);
        using (var vae = new BarsVae())
            Capability<IGenerativeAutoencoder, BarsVae>(vae).ShouldBeSameAs(vae);
        using (var vq = new TinyEmaVqVae())
            Capability<IVectorQuantizedAutoencoder, TinyEmaVqVae>(vq).ShouldBeSameAs(vq);
        using (var codec = new MnistCodec())
            Capability<ICompressionAutoencoder, MnistCodec>(codec).ShouldBeSameAs(codec);

        // And no more than that: a plain model has none, and each family only its own.
        Capabilities(new ClassicMnistModel()).ShouldBeEmpty();
        Capabilities(new SparseTestModel()).ShouldBeEmpty();
        Capabilities(new DenoisingTestModel()).ShouldBe(["denoising"]);
        Capabilities(new BarsVae()).ShouldBe(["generative"]);
        Capabilities(new TinyEmaVqVae()).ShouldBe(["vector-quantized"]);
        Capabilities(new TinyGradientVqVae()).ShouldBe(["vector-quantized"]);
        Capabilities(new MnistCodec()).ShouldBe(["compression"]);
    }

    [Fact]
    public void Create_makes_a_new_model_of_the_class()
    {
        using var model = Create<ClassicMnistModel>();
        using var other = Create<ClassicMnistModel>();
        model.ShouldNotBeSameAs(other);
        ((IAutoencoder)model).Module.ShouldBeSameAs(model);
        model.parameters().Sum(p => p.numel()).ShouldBe(ClassicMnistModel.ParameterCount);
    }

    [Fact]
    public void Plain_model_members_match_the_concrete_ones()
    {
        using var scope = NewDisposeScope();
        using var model = new ClassicMnistModel();
        model.eval();
        IAutoencoder view = model;
        var x = Inputs(5, 1, 28, 28);

        Same(view.Reconstruct(x), model.Reconstruct(x)).ShouldBeTrue();
        Same(view.Features(x), model.Encode(x)).ShouldBeTrue();
        view.Features(x).shape.ShouldBe([5, .. ClassicMnistModel.CodeShape]);
    }

    [Fact]
    public void Denoiser_members_match_the_concrete_ones()
    {
        using var scope = NewDisposeScope();
        using var model = new DenoisingTestModel();
        model.eval();
        IDenoisingAutoencoder view = model;
        var x = Inputs(6, 64);

        using (var a = new Generator(3))
        using (var b = new Generator(3))
            Same(view.Corrupt(x, a), DenoisingTestModel.Corrupt(x, b)).ShouldBeTrue();
        Same(view.Denoise(x), model.Denoise(x)).ShouldBeTrue();
        Same(view.Features(x), model.Encode(x)).ShouldBeTrue();
    }

    [Fact]
    public void Variational_members_match_the_concrete_ones_and_features_are_the_posterior_mean()
    {
        using var scope = NewDisposeScope();
        using var model = new BarsVae();
        model.eval();
        IGenerativeAutoencoder view = model;
        var x = Inputs(4, 1, 8, 8);

        Same(view.Features(x), model.Encode(x).Mean).ShouldBeTrue();
        Same(view.Reconstruct(x), model.Reconstruct(x)).ShouldBeTrue();
        using (var a = new Generator(9))
        using (var b = new Generator(9))
            Same(view.Sample(3, a), model.Sample(3, b)).ShouldBeTrue();
        Same(view.Interpolate(x[..2], x[2..], 5), model.Interpolate(x[..2], x[2..], 5)).ShouldBeTrue();
    }

    [Fact]
    public void Vector_quantised_members_match_the_concrete_ones_and_features_come_before_quantisation()
    {
        using var scope = NewDisposeScope();
        using var model = new TinyEmaVqVae();
        model.eval();
        IVectorQuantizedAutoencoder view = model;
        var x = Inputs(4, 1, 8, 8);

        Same(view.Features(x), model.Encode(x)).ShouldBeTrue();
        view.Features(x).shape.ShouldBe([4, .. TinyEmaVqVae.CodeShape]);
        Same(view.EncodeIndices(x), model.EncodeIndices(x)).ShouldBeTrue();
        var indices = model.EncodeIndices(x);
        Same(view.DecodeIndices(indices), model.DecodeIndices(indices)).ShouldBeTrue();
        Same(view.Reconstruct(x), model.Reconstruct(x)).ShouldBeTrue();
    }

    [Fact]
    public void Codec_members_match_the_concrete_ones()
    {
        using var scope = NewDisposeScope();
        using var model = new MnistCodec();
        model.eval();
        ICompressionAutoencoder view = model;
        var x = Inputs(2, 1, 28, 28);

        Same(view.Features(x), model.Encode(x)).ShouldBeTrue();
        var streams = view.Compress(x);
        streams.ShouldBe(model.Compress(x));
        Same(view.Decompress(streams), model.Decompress(streams)).ShouldBeTrue();
        view.CreateCodec().Encode(x[0]).ShouldBe(streams[0]);
    }

    [Fact]
    public void CreateTrainer_keeps_the_declared_settings_that_no_override_sets()
    {
        using var scope = NewDisposeScope();
        var data = Inputs(64, 64);

        var declared = CreateTrainer<DenoisingTestModel>(null);
        var concrete = DenoisingTestModel.Trainer.Create();
        SameWeights(declared.Model, concrete.Model).ShouldBeTrue("the declared seed");

        var overridden = CreateTrainer<DenoisingTestModel>(new TrainerOverrides { Epochs = 2, BatchSize = 16, Seed = 99 });
        var expected = DenoisingTestModel.Trainer.Create(new DenoisingTestModel.TrainingOptions { Epochs = 2, BatchSize = 16, Seed = 99 });
        SameWeights(overridden.Model, expected.Model).ShouldBeTrue("the overriding seed");
        SameWeights(overridden.Model, concrete.Model).ShouldBeFalse();

        var report = overridden.Fit(data);
        var expectedReport = expected.Fit(data);
        report.Epochs.Count.ShouldBe(2);
        report.Epochs.Select(e => e.TrainLoss).ShouldBe(expectedReport.Epochs.Select(e => e.TrainLoss));
        overridden.Evaluate(data).ShouldBe(expected.Evaluate(data));
        overridden.EvaluateLoss(data).ShouldBe(expected.EvaluateLoss(data));

        foreach (var model in new[] { declared.Model, concrete.Model, overridden.Model, expected.Model })
            model.Dispose();
    }

    [Fact]
    public void CreateTrainer_passes_the_observer()
    {
        using var scope = NewDisposeScope();
        var observer = new CountingObserver();
        var trainer = CreateTrainer<ClassicMnistModel>(new TrainerOverrides { Epochs = 1, Observer = observer });
        trainer.Fit(Inputs(16, 1, 28, 28));
        observer.Epochs.ShouldBe(1);
        trainer.Model.Dispose();
    }

    [Fact]
    public void Runtime_jobs_give_the_same_results_through_the_interface_as_through_delegates()
    {
        using var scope = NewDisposeScope();
        using var model = new DenoisingTestModel();
        var x = Inputs(10, 64);

        ReconstructionMetrics.Evaluate(model, x, 4).ShouldBe(ReconstructionMetrics.Evaluate(model, model.Reconstruct, x, 4));
        Same(CodeExport.Encode(model, x, 4), CodeExport.Encode(model, model.Encode, x, 4)).ShouldBeTrue();
        Same(ImageRestoration.Restore(model, x, 4), ImageRestoration.Restore(model, model.Denoise, x, 4)).ShouldBeTrue();
        AnomalyScores.Rank(model, x, batchSize: 4).ShouldBe(AnomalyScores.Rank(model, model.Reconstruct, x, batchSize: 4));
        DenoisingMetrics.Evaluate(model, x, 4, seed: 5)
            .ShouldBe(DenoisingMetrics.Evaluate(model, x, (images, generator) => DenoisingTestModel.Corrupt(images, generator), 4, seed: 5));

        var epoch = new EpochResult(1, 0.5, null, TimeSpan.Zero, 4);
        new ReconstructionEpochMetrics(model, x, 4).Measure(epoch).ShouldBe(new ReconstructionEpochMetrics(model, model.Reconstruct, x, 4).Measure(epoch));
        model.training.ShouldBeTrue("every job restores the model's mode");
    }

    [Fact]
    public void A_model_evaluated_on_other_noise_is_restored_by_its_reconstruction()
    {
        using var scope = NewDisposeScope();
        using var plain = new SparseTestModel();
        var x = Inputs(8, 64);
        var noise = new Func<Tensor, Generator, Tensor>((images, generator) => ImageCorruption.Masking(images, 0.5, generator));

        var report = DenoisingMetrics.Evaluate(plain, x, noise, 4, seed: 2);

        using var generator = new Generator(2);
        plain.eval();
        var restored = plain.Reconstruct(noise(x, generator));
        report.RestoredMse.ShouldBe(ReconstructionMetrics.Mse(restored, x), 1e-9);
    }

    private static void ShouldHaveTheGeneratedConstants<TModel>(string fingerprint, long[] inputShape, long[] codeShape, string summary)
        where TModel : nn.Module, IAutoencoder<TModel>
    {
        TModel.Fingerprint.ShouldBe(fingerprint);
        TModel.InputShape.ShouldBe(inputShape);
        TModel.CodeShape.ShouldBe(codeShape);
        TModel.Summary.ShouldBe(summary);
    }

    private static TModel Create<TModel>() where TModel : nn.Module, IAutoencoder<TModel> => TModel.Create();

    private static ITrainer<TModel> CreateTrainer<TModel>(TrainerOverrides? overrides) where TModel : nn.Module, IAutoencoder<TModel>
        => TModel.CreateTrainer(overrides);

    private static TCapability Capability<TCapability, TModel>(TModel model)
        where TModel : TCapability
        where TCapability : IAutoencoder => model;

    private static List<string> Capabilities(IAutoencoder model)
    {
        using var module = model.Module;
        var capabilities = new List<string>();
        if (model is IDenoisingAutoencoder)
            capabilities.Add("denoising");
        if (model is IGenerativeAutoencoder)
            capabilities.Add("generative");
        if (model is IVectorQuantizedAutoencoder)
            capabilities.Add("vector-quantized");
        if (model is ICompressionAutoencoder)
            capabilities.Add("compression");
        return capabilities;
    }

    private static Tensor Inputs(params long[] shape)
    {
        using var generator = new Generator(17);
        return rand(shape, generator: generator);
    }

    private static bool SameWeights(nn.Module a, nn.Module b) =>
        a.parameters().Zip(b.parameters()).All(pair => Same(pair.First, pair.Second));

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.allclose(b, rtol: 0, atol: 0);

    private sealed class CountingObserver : ITrainingObserver
    {
        public int Epochs { get; private set; }

        public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
        {
        }

        public void OnBatchEnd(int epoch, long samplesSoFar)
        {
        }

        public void OnEpochEnd(EpochResult result) => Epochs++;
    }
}
