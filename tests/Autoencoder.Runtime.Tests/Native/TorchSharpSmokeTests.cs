using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Native;

public sealed class TorchSharpSmokeTests
{
    // Touching torch at all loads libLibTorchSharp.so from this test's bin; on a host without
    // GLIBCXX_3.4.32 that only works if the build patched the copy there.
    [Fact]
    public void TinyLinearAutoencoderTrains()
    {
        torch.manual_seed(1234);
        // 256 points on a 2-D subspace of R^8: a 2-unit linear bottleneck can reconstruct them exactly.
        using Tensor data = torch.randn(256, 2).matmul(torch.randn(2, 8));
        using var model = nn.Sequential(("encoder", nn.Linear(8, 2)), ("decoder", nn.Linear(2, 8)));
        using var optimizer = new Adam(model.parameters(), learningRate: 0.05);

        float first = 0, last = 0;
        for (int step = 0; step < 300; step++)
        {
            using var scope = torch.NewDisposeScope();
            optimizer.ZeroGrad();
            Tensor loss = nn.functional.mse_loss(model.call(data), data);
            loss.backward();
            optimizer.Step();
            last = loss.item<float>();
            if (step == 0) first = last;
        }

        float.IsFinite(last).ShouldBeTrue();
        first.ShouldBeGreaterThan(0.1f);
        (first / last).ShouldBeGreaterThan(100f, $"loss went from {first} to {last}");
    }
}
