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
    private readonly Model _model;
    private readonly optim.Optimizer _optimizer;
    private readonly Generator _shuffle;
    private readonly int _batchSize;

    public HandwrittenLoop(int batchSize, long seed)
    {
        _batchSize = batchSize;
        manual_seed(seed);
        _model = new Model();
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        _shuffle = new Generator((ulong)seed);
    }

    /// <summary>One epoch over <paramref name="inputs"/>; returns the mean training loss.</summary>
    public double TrainEpoch(Tensor inputs)
    {
        _model.train();
        var count = inputs.shape[0];
        using var order = randperm(count, generator: _shuffle);
        double total = 0;
        for (long start = 0; start < count; start += _batchSize)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(_batchSize, count - start);
            var batch = inputs.index_select(0, order.narrow(0, start, length));
            _optimizer.zero_grad();
            var loss = nn.functional.binary_cross_entropy(_model.forward(batch), batch);
            loss.backward();
            _optimizer.step();
            total += loss.item<float>() * length;
        }

        return total / count;
    }

    public void Dispose()
    {
        _model.Dispose();
        _shuffle.Dispose();
    }

    private sealed class Model : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _encoder;
        private readonly Linear _decoder;

        public Model() : base("Handwritten")
        {
            _encoder = nn.Linear(784, 32);
            _decoder = nn.Linear(32, 784);
            foreach (var layer in new[] { _encoder, _decoder })
            {
                nn.init.xavier_uniform_(layer.weight);
                nn.init.zeros_(layer.bias);
            }

            register_module("encoder", _encoder);
            register_module("decoder", _decoder);
        }

        public override Tensor forward(Tensor input)
        {
            var code = nn.functional.relu(_encoder.forward(input.flatten(1)));
            return nn.functional.sigmoid(_decoder.forward(code)).reshape(input.shape[0], 1, 28, 28);
        }
    }
}
