using System.Linq;
using Autoencoder.Runtime.Layers;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Generated GDN layers are the runtime's <see cref="Gdn"/>, named as CompressAI names them, and a model built on them learns.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedGdnTests
{
    [Fact]
    public void The_gdn_layers_are_the_runtimes_with_beta_and_gamma_per_channel()
    {
        using var model = new GdnModel();

        var layers = model.named_children().Where(c => c.module is Gdn).ToDictionary(c => c.name, c => (Gdn)c.module);

        layers.Keys.ShouldBe(["encoder1", "decoder1"]);
        layers["encoder1"].Inverse.ShouldBeFalse();
        layers["decoder1"].Inverse.ShouldBeTrue();
        var names = model.named_parameters().Select(p => p.name).ToArray();
        names.ShouldContain("encoder1.beta");
        names.ShouldContain("decoder1.gamma");
        model.parameters().Sum(p => p.numel()).ShouldBe(GdnModel.ParameterCount);
    }

    [Fact]
    public void A_model_with_gdn_learns_and_keeps_its_betas_positive()
    {
        using var train = SyntheticImages.Create(256, seed: 5).reshape(256, 1, 8, 8);
        var trainer = GdnModel.Trainer.Create();
        var before = trainer.EvaluateLoss(train);

        var report = trainer.Fit(train);

        using var entropy = nn.functional.binary_cross_entropy(train, train);
        var floor = entropy.item<float>();
        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        (trainer.EvaluateLoss(train) - floor).ShouldBeLessThan((before - floor) * 0.5);
        foreach (var gdn in trainer.Model.named_children().Select(c => c.module).OfType<Gdn>())
        {
            using var beta = gdn.Beta();
            beta.min().item<float>().ShouldBeGreaterThanOrEqualTo((float)Gdn.BetaMinimum);
        }
    }
}
