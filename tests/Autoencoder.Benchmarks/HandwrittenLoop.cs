using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// The same model and training loop written by hand in plain TorchSharp, the way a careful engineer
/// would: the baseline the generated trainer is measured against.
/// </summary>
internal sealed class HandwrittenLoop : IDisposable
{
    private readonly Model model;
    private readonly optim.Optimizer optimizer;
    private readonly Generator shuffle;
    private readonly int batchSize;

    public HandwrittenLoop(int batchSize, long seed)
    {
        this.batchSize = batchSize;
        manual_seed(seed);
        model = new Model();
        optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        shuffle = new Generator((ulong)seed);
    }

    /// <summary>One epoch over <paramref name="inputs"/>; returns the mean training loss.</summary>
    public double TrainEpoch(Tensor inputs)
    {
        model.train();
        var count = inputs.shape[0];
        using var order = randperm(count, generator: shuffle);
        double total = 0;
        for (long start = 0; start < count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(batchSize, count - start);
            var batch = inputs.index_select(0, order.narrow(0, start, length));
            optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy(model.forward(batch), batch);
            loss.backward();
            optimizer.step();
            total += loss.item<float>() * length;
        }

        return total / count;
    }

    public void Dispose()
    {
        model.Dispose();
        shuffle.Dispose();
    }

    private sealed class Model : nn.Module<Tensor, Tensor>
    {
        private readonly Linear encoder;
        private readonly Linear decoder;

        public Model() : base("Handwritten")
        {
            encoder = nn.Linear(784, 32);
            decoder = nn.Linear(32, 784);
            foreach (var layer in new[] { encoder, decoder })
            {
                nn.init.xavier_uniform_(layer.weight);
                nn.init.zeros_(layer.bias);
            }

            register_module("encoder", encoder);
            register_module("decoder", decoder);
        }

        public override Tensor forward(Tensor input)
        {
            var code = nn.functional.relu(encoder.forward(input.flatten(1)));
            return nn.functional.sigmoid(decoder.forward(code)).reshape(input.shape[0], 1, 28, 28);
        }
    }
}
