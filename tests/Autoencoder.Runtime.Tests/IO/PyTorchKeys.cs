using System;
using Autoencoder.Runtime.Tests.Generated;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>
/// The state_dict of the PyTorch module equivalent to each generated test model, written out by hand from PyTorch's
/// rules (docs/interop.md): one attribute per layer with parameters, keys in module order, each module's parameters
/// before its buffers; float32 everywhere except BatchNorm's int64 scalar <c>num_batches_tracked</c>.
/// </summary>
internal static class PyTorchKeys
{
    public sealed record Key(string Name, long[] Shape, string SafetensorsDtype = "F32", string Storage = "FloatStorage");

    private static Key Int64Scalar(string name) => new(name, [], "I64", "LongStorage");

    /// <summary>ClassicMnistModel: Flatten, Dense(32), Dense(784), Unflatten.</summary>
    public static readonly Key[] Dense =
    [
        new("encoder1.weight", [32, 784]),
        new("encoder1.bias", [32]),
        new("decoder0.weight", [784, 32]),
        new("decoder0.bias", [784]),
    ];

    /// <summary>ConvMnistModel: Conv2d, BatchNorm, Conv2d, Flatten, Dense, then Dense, Unflatten, two ConvTranspose2d.</summary>
    public static readonly Key[] ConvWithBatchNorm =
    [
        new("encoder0.weight", [4, 1, 3, 3]),
        new("encoder0.bias", [4]),
        new("encoder1.weight", [4]),
        new("encoder1.bias", [4]),
        new("encoder1.running_mean", [4]),
        new("encoder1.running_var", [4]),
        Int64Scalar("encoder1.num_batches_tracked"),
        new("encoder2.weight", [8, 4, 3, 3]),
        new("encoder2.bias", [8]),
        new("encoder4.weight", [32, 392]),
        new("encoder4.bias", [32]),
        new("decoder0.weight", [392, 32]),
        new("decoder0.bias", [392]),
        // ConvTranspose2d weights are [in, out, kH, kW], as in PyTorch.
        new("decoder2.weight", [8, 4, 3, 3]),
        new("decoder2.bias", [4]),
        new("decoder3.weight", [4, 1, 3, 3]),
        new("decoder3.bias", [1]),
    ];

    /// <summary>NormedMnistModel: GroupNorm and LayerNorm have an affine weight and bias and no buffers.</summary>
    public static readonly Key[] GroupAndLayerNorm =
    [
        new("encoder0.weight", [6, 1, 3, 3]),
        new("encoder0.bias", [6]),
        new("encoder1.weight", [6]),
        new("encoder1.bias", [6]),
        new("encoder2.weight", [8, 6, 3, 3]),
        new("encoder2.bias", [8]),
        // LayerNorm over a whole [8, 7, 7] sample: its weight and bias have the normalised shape.
        new("encoder3.weight", [8, 7, 7]),
        new("encoder3.bias", [8, 7, 7]),
        new("encoder5.weight", [12, 392]),
        new("encoder5.bias", [12]),
        new("encoder6.weight", [12]),
        new("encoder6.bias", [12]),
        new("encoder7.weight", [12]),
        new("encoder7.bias", [12]),
        new("decoder0.weight", [392, 12]),
        new("decoder0.bias", [392]),
        new("decoder2.weight", [8]),
        new("decoder2.bias", [8]),
        new("decoder3.weight", [8, 6, 3, 3]),
        new("decoder3.bias", [6]),
        new("decoder4.weight", [6, 1, 3, 3]),
        new("decoder4.bias", [1]),
    ];

    /// <summary>ResidualMnistModel: block layers are flat attributes named block_index, projections block_projection.</summary>
    public static readonly Key[] Residual =
    [
        new("encoder0.weight", [16, 1, 3, 3]),
        new("encoder0.bias", [16]),
        new("encoder1_0.weight", [16, 16, 3, 3]),
        new("encoder1_0.bias", [16]),
        new("encoder1_1.weight", [16, 16, 3, 3]),
        new("encoder1_1.bias", [16]),
        new("encoder2_0.weight", [32, 16, 3, 3]),
        new("encoder2_0.bias", [32]),
        new("encoder2_projection.weight", [32, 16, 1, 1]),
        new("encoder4_0.weight", [32, 1568]),
        new("encoder4_0.bias", [32]),
        new("encoder4_projection.weight", [32, 1568]),
        new("decoder0.weight", [1568, 32]),
        new("decoder0.bias", [1568]),
        new("decoder2_1.weight", [16, 32, 3, 3]),
        new("decoder2_1.bias", [16]),
        new("decoder2_projection.weight", [32, 16, 1, 1]),
        new("decoder3.weight", [16, 1, 3, 3]),
        new("decoder3.bias", [1]),
    ];

    /// <summary>A fresh instance of the named generated model.</summary>
    public static nn.Module NewModel(string name) => name switch
    {
        nameof(Dense) => new ClassicMnistModel(),
        nameof(ConvWithBatchNorm) => new ConvMnistModel(),
        nameof(GroupAndLayerNorm) => new NormedMnistModel(),
        nameof(Residual) => new ResidualMnistModel(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>The named generated model's expected keys.</summary>
    public static Key[] Of(string name) => name switch
    {
        nameof(Dense) => Dense,
        nameof(ConvWithBatchNorm) => ConvWithBatchNorm,
        nameof(GroupAndLayerNorm) => GroupAndLayerNorm,
        nameof(Residual) => Residual,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    public static TheoryData<string> ModelNames => new() { nameof(Dense), nameof(ConvWithBatchNorm), nameof(GroupAndLayerNorm), nameof(Residual) };
}
