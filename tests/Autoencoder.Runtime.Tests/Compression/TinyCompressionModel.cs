using Autoencoder.Runtime.Compression;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>
/// A hand-written compression model: flat image → linear code of a few channels → entropy bottleneck → linear sigmoid
/// decoder. Written by hand on purpose: these tests check the runtime alone, not the generator.
/// </summary>
internal sealed class TinyCompressionModel : nn.Module<Tensor, Tensor>
{
    public const string Fingerprint = "tiny-compression:784-linear-code-linear";

    private readonly Linear _encoder;
    private readonly Linear _decoder;

    public TinyCompressionModel(int side, int channels) : base(nameof(TinyCompressionModel))
    {
        Side = side;
        _encoder = nn.Linear(side * side, channels);
        Entropy = new EntropyBottleneck("entropy", channels);
        _decoder = nn.Linear(channels, side * side);
        register_module("encoder", _encoder);
        register_module("entropy", Entropy);
        register_module("decoder", _decoder);
    }

    public int Side { get; }

    public EntropyBottleneck Entropy { get; }

    public long[] InputShape => [1, Side, Side];

    public long[] CodeShape => [Entropy.Channels];

    /// <summary>[B, 1, H, W] → [B, C]; the code is scaled up so that rounding it loses little at the start.</summary>
    public Tensor Encode(Tensor images) => _encoder.forward(images.flatten(1)) * 4;

    public Tensor Decode(Tensor code) => nn.functional.sigmoid(_decoder.forward(code / 4)).reshape(-1, 1, Side, Side);

    public override Tensor forward(Tensor images) => Decode(Entropy.forward(Encode(images)).Quantized);

    /// <summary>MSE + λ · bits per pixel, with noise in place of rounding while training.</summary>
    public (Tensor Loss, Tensor Mse, Tensor Bpp) Objective(Tensor images, double lambda)
    {
        var (quantized, likelihoods) = Entropy.forward(Encode(images));
        var mse = nn.functional.mse_loss(Decode(quantized), images);
        var bpp = EntropyBottleneck.BitsPerImage(likelihoods).mean() / (Side * Side);
        return (mse + lambda * bpp, mse, bpp);
    }

    public LearnedCodec CreateCodec(string name = "tiny") =>
        new(name, this, Encode, Decode, Entropy, Fingerprint, InputShape, CodeShape);

    public static TinyCompressionModel Create(int side, int channels, long seed)
    {
        torch.manual_seed(seed).Dispose();
        return new TinyCompressionModel(side, channels);
    }
}
