using System;
using System.Collections.Generic;

namespace Autoencoder.Runtime.Compression.Deterministic;

/// <summary>
/// A chain of <see cref="DoubleConvolution"/> layers run on one image in double arithmetic: the same bits on every machine.
/// For the part of a codec whose output the coding tables depend on, such as a hyperprior's hyper-synthesis, which gives
/// each element's scale and so its table.
/// </summary>
public sealed class DoubleNetwork
{
    private readonly DoubleConvolution[] _layers;

    /// <summary>The layers, applied in order; each takes the channels the one before gives.</summary>
    public DoubleNetwork(IReadOnlyList<DoubleConvolution> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Count == 0)
            throw new ArgumentException("A network has at least one layer.", nameof(layers));
        for (var i = 1; i < layers.Count; i++)
        {
            if (layers[i].InChannels != layers[i - 1].OutChannels)
                throw new ArgumentException($"Layer {i} takes {layers[i].InChannels} channels; layer {i - 1} gives {layers[i - 1].OutChannels}.", nameof(layers));
        }

        _layers = [.. layers];
    }

    /// <summary>Input channels.</summary>
    public int InChannels => _layers[0].InChannels;

    /// <summary>Output channels.</summary>
    public int OutChannels => _layers[^1].OutChannels;

    /// <summary>Runs the image [C, H, W] (row-major in <paramref name="input"/>) through every layer.</summary>
    public double[] Run(double[] input, int height, int width, out int outHeight, out int outWidth)
    {
        var values = input;
        (outHeight, outWidth) = (height, width);
        foreach (var layer in _layers)
            values = layer.Apply(values, outHeight, outWidth, out outHeight, out outWidth);
        return values;
    }
}
