using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Layers;

/// <summary>
/// A stride-1 convolution whose output channels are not a multiple of 16, run so its input gradient is right on a CPU.
/// libtorch 2.10's oneDNN computes that gradient wrongly on AVX-512 machines: NaN the first time, then finite values
/// about 30 % off, every time (docs/troubleshooting.md). With the weights padded by zero filters to the next multiple of
/// 16 the same kernels are exact, and the padded channels, cut off again, change neither the output nor the gradients.
/// Generated code calls this only for the convolutions that need it; it costs the padded filters, in training only.
/// </summary>
public static class PaddedOutputConvolution
{
    private const long Block = 16;

    /// <summary>
    /// The layer's output for <paramref name="input"/>: through the padded weights when a CPU backward pass will need the
    /// input gradient, through the layer itself otherwise (inference, or an input without gradient, or another device).
    /// </summary>
    /// <param name="layer">A convolution of stride 1 and one group with zero padding.</param>
    /// <param name="input">The layer's input, [N, C, H, W].</param>
    /// <param name="padding">The layer's padding on every side.</param>
    /// <param name="dilation">The layer's dilation.</param>
    public static Tensor Forward(TorchSharp.Modules.Conv2d layer, Tensor input, long padding, long dilation)
    {
        var weight = layer.weight!;
        long outChannels = weight.shape[0];
        long extra = (Block - (outChannels % Block)) % Block;
        if (extra == 0 || !input.requires_grad || !is_grad_enabled() || input.device_type != DeviceType.CPU)
            return layer.forward(input);

        using var scope = NewDisposeScope();
        var padded = cat([weight, weight.new_zeros(extra, weight.shape[1], weight.shape[2], weight.shape[3])], 0);
        var bias = layer.bias is { } b ? cat([b, b.new_zeros(extra)], 0) : null;
        var output = nn.functional.conv2d(input, padded, bias, strides: [1, 1], padding: [padding, padding], dilation: [dilation, dilation]);
        return output.narrow(1, 0, outChannels).MoveToOuterDisposeScope();
    }
}
