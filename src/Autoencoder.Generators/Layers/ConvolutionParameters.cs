namespace Autoencoder.Generators.Layers;

/// <summary>The settings Conv2d and ConvTranspose2d share, with the attributes' defaults.</summary>
internal static class ConvolutionParameters
{
    public static readonly IntParameter OutChannels = new(nameof(OutChannels), position: 0, required: true);
    public static readonly IntParameter KernelSize = new(nameof(KernelSize), position: 1, required: true);
    public static readonly ChoiceParameter<Activation> Activation = CommonParameters.Activation(position: 2);
    public static readonly IntParameter Stride = new(nameof(Stride), Defaults.Stride);
    public static readonly IntParameter Padding = new(nameof(Padding), Defaults.Padding);
    public static readonly IntParameter Dilation = new(nameof(Dilation), Defaults.Dilation);
    public static readonly IntParameter Groups = new(nameof(Groups), Defaults.Groups);

    /// <summary>
    /// A convolution's settings in YAML's order, with the kind's own (<paramref name="special"/>) after the padding:
    /// out_channels, kernel_size, stride, padding, special…, dilation, groups, bias, activation, init, negative_slope.
    /// </summary>
    public static LayerParameter[] With(params LayerParameter[] special)
    {
        var all = new System.Collections.Generic.List<LayerParameter> { OutChannels, KernelSize, Stride, Padding };
        all.AddRange(special);
        all.AddRange(new LayerParameter[] { Dilation, Groups, CommonParameters.Bias, Activation, CommonParameters.Init, CommonParameters.NegativeSlope });
        return all.ToArray();
    }

    /// <summary>The common checks of the kernel: sizes positive, padding not negative.</summary>
    public static bool Kernel(LayerCheck check, int outChannels, int kernel, int stride, int padding, int dilation, int groups)
        => check.Positive(outChannels, "output channels")
           & check.Positive(kernel, "kernel size")
           & check.Positive(stride, "Stride")
           & check.NotNegative(padding, "Padding")
           & check.Positive(dilation, "Dilation")
           & check.Positive(groups, "Groups");
}
