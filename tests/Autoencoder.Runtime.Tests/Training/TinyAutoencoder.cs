using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>A hand-written dense autoencoder: inputs → tanh code → sigmoid reconstruction.</summary>
internal sealed class TinyAutoencoder : nn.Module<Tensor, Tensor>
{
    private readonly Linear _encoder;
    private readonly Dropout _dropout;
    private readonly Linear _decoder;

    public TinyAutoencoder(int inputs, int code, double dropoutRate = 0) : base(nameof(TinyAutoencoder))
    {
        _encoder = nn.Linear(inputs, code);
        _dropout = nn.Dropout(dropoutRate);
        _decoder = nn.Linear(code, inputs);
        // Registered by name: RegisterComponents() would name the parameters after the fields ("_encoder.weight").
        register_module("encoder", _encoder);
        register_module("dropout", _dropout);
        register_module("decoder", _decoder);
    }

    public override Tensor forward(Tensor input) =>
        nn.functional.sigmoid(_decoder.forward(_dropout.forward(nn.functional.tanh(_encoder.forward(input)))));

    public Tensor MseLoss(Tensor batch) => nn.functional.mse_loss(forward(batch), batch);

    /// <summary>Builds the module from a fixed seed so two instances start with identical weights.</summary>
    public static TinyAutoencoder Create(int inputs, int code, long initSeed, double dropoutRate = 0)
    {
        torch.manual_seed(initSeed).Dispose();
        return new TinyAutoencoder(inputs, code, dropoutRate);
    }
}
