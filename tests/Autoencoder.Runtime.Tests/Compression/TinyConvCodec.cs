using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>
/// A hand-written fully convolutional compression model: two stride-2 convolutions to a 4-channel code, an entropy
/// bottleneck, two stride-2 transposed convolutions back. It takes any height and width that are multiples of 4, as the
/// geometry says; written by hand so that these tests check the runtime alone.
/// </summary>
internal sealed class TinyConvCodec : nn.Module<Tensor, Tensor>
{
    public const string Fingerprint = "tiny-conv-codec:stride-4-code-4";
    public const int SizeMultiple = 4;

    private readonly Conv2d _encoder0;
    private readonly Conv2d _encoder1;
    private readonly ConvTranspose2d _decoder0;
    private readonly ConvTranspose2d _decoder1;

    public TinyConvCodec(int channels) : base(nameof(TinyConvCodec))
    {
        _encoder0 = nn.Conv2d(channels, 8, 3, stride: 2, padding: 1);
        _encoder1 = nn.Conv2d(8, 4, 3, stride: 2, padding: 1);
        Entropy = new EntropyBottleneck("entropy", 4);
        _decoder0 = nn.ConvTranspose2d(4, 8, 3, stride: 2, padding: 1, output_padding: 1);
        _decoder1 = nn.ConvTranspose2d(8, channels, 3, stride: 2, padding: 1, output_padding: 1);
        register_module("encoder0", _encoder0);
        register_module("encoder1", _encoder1);
        register_module("entropy", Entropy);
        register_module("decoder0", _decoder0);
        register_module("decoder1", _decoder1);
        Geometry = ImageGeometry.Free(channels, SizeMultiple, SizeMultiple, SizeMultiple);
    }

    public EntropyBottleneck Entropy { get; }

    public ImageGeometry Geometry { get; }

    /// <summary>[B, C, H, W] → [B, 4, H/4, W/4], scaled up so that rounding loses little at the start.</summary>
    public Tensor Encode(Tensor images) => _encoder1.forward(nn.functional.relu(_encoder0.forward(images))) * 4;

    public Tensor Decode(Tensor code) => nn.functional.sigmoid(_decoder1.forward(nn.functional.relu(_decoder0.forward(code / 4))));

    public override Tensor forward(Tensor images) => Decode(Entropy.forward(Encode(images)).Quantized);

    /// <summary>MSE + λ · bits per pixel, with noise in place of rounding while training.</summary>
    public Tensor Loss(Tensor images, double lambda)
    {
        var (quantized, likelihoods) = Entropy.forward(Encode(images));
        var mse = nn.functional.mse_loss(Decode(quantized), images);
        var bpp = EntropyBottleneck.BitsPerImage(likelihoods).mean() / (images.shape[2] * images.shape[3]);
        return mse + lambda * bpp;
    }

    public LearnedCodec CreateCodec() => new("conv", this, Encode, Decode, Entropy, Fingerprint, Geometry);

    public static TinyConvCodec Create(int channels, long seed)
    {
        torch.manual_seed(seed).Dispose();
        return new TinyConvCodec(channels);
    }
}
