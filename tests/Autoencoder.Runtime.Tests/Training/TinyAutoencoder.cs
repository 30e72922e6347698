using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>A hand-written dense autoencoder: inputs → tanh code → sigmoid reconstruction.</summary>
internal sealed class TinyAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear encoder;
    private readonly Dropout dropout;
    private readonly Linear decoder;

    public TinyAutoencoder(int inputs, int code, double dropoutRate = 0) : base(nameof(TinyAutoencoder))
    {
        encoder = nn.Linear(inputs, code);
        dropout = nn.Dropout(dropoutRate);
        decoder = nn.Linear(code, inputs);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        nn.functional.sigmoid(decoder.forward(dropout.forward(nn.functional.tanh(encoder.forward(input)))));

    public Tensor MseLoss(Tensor batch) => nn.functional.mse_loss(forward(batch), batch);

    /// <summary>Builds the module from a fixed seed so two instances start with identical weights.</summary>
    public static TinyAutoencoder Create(int inputs, int code, long initSeed, double dropoutRate = 0)
    {
        torch.manual_seed(initSeed).Dispose();
        return new TinyAutoencoder(inputs, code, dropoutRate);
    }
}
