using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Deterministic;
using Autoencoder.Runtime.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.StreamCheck;

/// <summary>
/// A small scale-hyperprior codec of realistic shape (y = [32, H/16, W/16], z = [32, H/64, W/64]) with random weights:
/// what is checked is that its streams decode to the same code everywhere, not how well it compresses.
/// </summary>
internal sealed class CheckCodec : nn.Module
{
    private readonly Sequential _analysis;
    private readonly Sequential _synthesis;
    private readonly Sequential _hyperAnalysis;
    private readonly ConvTranspose2d _hyper0;
    private readonly ConvTranspose2d _hyper1;
    private readonly Conv2d _hyper2;
    private readonly EntropyBottleneck _side;

    public CheckCodec() : base(nameof(CheckCodec))
    {
        _analysis = nn.Sequential(
            nn.Conv2d(3, 32, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(32, 32, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(32, 32, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(32, 32, 5, stride: 2, padding: 2));
        _synthesis = nn.Sequential(
            nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1), nn.ReLU(),
            nn.ConvTranspose2d(32, 3, 5, stride: 2, padding: 2, output_padding: 1));
        _hyperAnalysis = nn.Sequential(
            nn.Conv2d(32, 32, 3, padding: 1), nn.ReLU(),
            nn.Conv2d(32, 32, 5, stride: 2, padding: 2), nn.ReLU(),
            nn.Conv2d(32, 32, 5, stride: 2, padding: 2));
        _hyper0 = nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1);
        _hyper1 = nn.ConvTranspose2d(32, 32, 5, stride: 2, padding: 2, output_padding: 1);
        _hyper2 = nn.Conv2d(32, 32, 3, padding: 1);
        _side = new EntropyBottleneck("side", 32);
        // Fresh weights give codes near zero, which round to zero: scaled up, the codes spread over many integers and
        // their scales over much of the table, so that each element's table really depends on the hyper-synthesis.
        using (no_grad())
        {
            foreach (var (name, parameter) in _analysis.named_parameters().Concat(_hyperAnalysis.named_parameters()))
            {
                if (name.EndsWith("weight", StringComparison.Ordinal))
                    parameter.mul_(3.0);
            }
        }

        RegisterComponents();
    }

    public static ImageGeometry Geometry { get; } = ImageGeometry.Free(3, 64, 64, 64);

    public HyperpriorCodec CreateCodec()
    {
        var hyperSynthesis = new DoubleNetwork(
        [
            DoubleConvolution.Of(_hyper0.weight!, _hyper0.bias, 2, 2, transposed: true, outputPadding: 1, activation: DoubleActivation.ReLU),
            DoubleConvolution.Of(_hyper1.weight!, _hyper1.bias, 2, 2, transposed: true, outputPadding: 1, activation: DoubleActivation.ReLU),
            DoubleConvolution.Of(_hyper2.weight!, _hyper2.bias, 1, 1, activation: DoubleActivation.ReLU),
        ]);
        return new HyperpriorCodec("check", this, _analysis.forward, _synthesis.forward, y => _hyperAnalysis.forward(y.abs()), hyperSynthesis, _side,
            "5c7ea3c0d1e2f300", Geometry);
    }
}
