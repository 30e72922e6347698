using System;
using System.Collections.Generic;
using System.Globalization;
using P = Autoencoder.Generators.Layers.ConvolutionParameters;

namespace Autoencoder.Generators.Layers;

/// <summary>A transposed 2-D convolution with a square kernel: <c>[ConvTranspose2d(16, 3, Stride = 2, Padding = 1, OutputPadding = 1)]</c>.</summary>
internal sealed record ConvTranspose2dSpec(
    int OutChannels,
    int KernelSize,
    int Stride,
    int Padding,
    int OutputPadding,
    int Dilation,
    int Groups,
    bool Bias,
    Activation Activation,
    double NegativeSlope,
    WeightInit Init,
    LocationInfo? Location)
    : LayerSpec(Location)
{
    public override LayerKind Kind => ConvTranspose2dKind.Instance;

    public override string Describe()
    {
        var parts = new List<string> { Literals.Format(OutChannels), Literals.Format(KernelSize) };
        ConvolutionText.Describe(parts, "stride", Stride, Defaults.Stride);
        ConvolutionText.Describe(parts, "padding", Padding, Defaults.Padding);
        ConvolutionText.Describe(parts, "output padding", OutputPadding, Defaults.OutputPadding);
        ConvolutionText.DescribeCommon(parts, Dilation, Groups, Bias, Activation);
        return "ConvTranspose2d(" + string.Join(", ", parts) + ")";
    }
}

internal sealed class ConvTranspose2dKind : LayerKind<ConvTranspose2dSpec>
{
    private static readonly IntParameter OutputPadding = new(nameof(OutputPadding), Defaults.OutputPadding);

    public static readonly ConvTranspose2dKind Instance = new();

    private ConvTranspose2dKind()
        : base("ConvTranspose2d", "conv_transpose2d")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = P.With(OutputPadding);

    public override string YamlExample => "e.g. 'conv_transpose2d: {out_channels: 16, kernel_size: 3}'";

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new ConvTranspose2dSpec(
        a.Int(P.OutChannels),
        a.Int(P.KernelSize),
        a.Int(P.Stride),
        a.Int(P.Padding),
        a.Int(OutputPadding),
        a.Int(P.Dilation),
        a.Int(P.Groups),
        a.Bool(CommonParameters.Bias),
        a.Choice(P.Activation),
        a.Number(CommonParameters.NegativeSlope),
        a.Choice(CommonParameters.Init),
        a.Location);

    protected override bool Validate(ConvTranspose2dSpec conv, LayerCheck check)
    {
        var ok = P.Kernel(check, conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation, conv.Groups)
                 & check.NotNegative(conv.OutputPadding, "OutputPadding")
                 & check.Neuron(conv.Activation, conv.Init, conv.NegativeSlope);

        // PyTorch rejects it too: output padding adds pixels no kernel position reaches otherwise.
        if (conv.OutputPadding > 0 && conv.OutputPadding >= conv.Stride && conv.OutputPadding >= conv.Dilation)
        {
            ok = check.Unsupported("OutputPadding must be less than Stride or Dilation, but " + check.Where + " has output padding " + conv.OutputPadding
                                   + ", stride " + conv.Stride + " and dilation " + conv.Dilation);
        }

        return ok;
    }

    protected override LayerShape Infer(ConvTranspose2dSpec conv, Shape input)
    {
        var problem = ImageShapes.NeedsImage(input) ?? ImageShapes.Groups(input.Channels, conv.OutChannels, conv.Groups);
        if (problem is not null)
        {
            return LayerShape.Fails(problem);
        }

        // (size − 1)·stride − 2·padding + dilation·(kernel − 1) + output padding + 1.
        var growth = (2.0 * conv.Padding) - ((double)conv.Dilation * (conv.KernelSize - 1)) - conv.OutputPadding - 1 + conv.Stride;
        Dim inH = input.Dimensions[1], inW = input.Dimensions[2];
        if (!inH.IsFixed || !inW.IsFixed)
        {
            return Math.Abs(growth) > int.MaxValue
                ? LayerShape.Fails("its stride, kernel and padding are more than a dimension can hold")
                : ImageShapes.Convolution(conv.OutChannels, Grown(inH), Grown(inW), input.Channels, conv.KernelSize, conv.Groups, conv.Bias);
        }

        // In double: stride and dilation near int.MaxValue would overflow long; any size that fits an int is exact.
        double Grow(long size) => ((size - 1.0) * conv.Stride) - (2.0 * conv.Padding) + ((double)conv.Dilation * (conv.KernelSize - 1)) + conv.OutputPadding + 1;
        Dim Grown(Dim size) => size.IsFixed ? Dim.Of((long)Grow(size.Value)) : size.Times(conv.Stride).Plus(-(long)growth);
        double h = Grow(inH.Value), w = Grow(inW.Value);
        if (h > int.MaxValue || w > int.MaxValue)
        {
            return LayerShape.Fails("its output of " + h.ToString("E2", CultureInfo.InvariantCulture) + "×" + w.ToString("E2", CultureInfo.InvariantCulture) + " pixels is more than a dimension can hold");
        }

        if (h <= 0 || w <= 0)
        {
            return LayerShape.Fails("its output would be " + h + "×" + w + " pixels: Padding " + conv.Padding + " removes more than the layer adds");
        }

        return ImageShapes.Convolution(conv.OutChannels, Dim.Of((long)h), Dim.Of((long)w), input.Channels, conv.KernelSize, conv.Groups, conv.Bias);
    }

    protected override Activation? OutputActivation(ConvTranspose2dSpec conv) => conv.Activation;

    protected override (WeightInit Init, bool Bias)? Weights(ConvTranspose2dSpec conv) => (conv.Init, conv.Bias);

    protected override ConvTranspose2dSpec WithInit(ConvTranspose2dSpec conv, System.Func<WeightInit, WeightInit> resolve) => conv with { Init = resolve(conv.Init) };

    public override string FieldType(AnalyzedLayer layer) => "global::TorchSharp.Modules.ConvTranspose2d";

    protected override string Construction(AnalyzedLayer layer, ConvTranspose2dSpec conv)
    {
        var args = new List<string> { Literals.Format(layer.Input.Channels), Literals.Format(conv.OutChannels), "kernel_size: " + conv.KernelSize };
        ConvolutionText.Argument(args, "stride", conv.Stride, Defaults.Stride);
        ConvolutionText.Argument(args, "padding", conv.Padding, Defaults.Padding);
        ConvolutionText.Argument(args, "output_padding", conv.OutputPadding, Defaults.OutputPadding);
        ConvolutionText.CommonArguments(args, conv.Dilation, conv.Groups, conv.Bias);
        return TorchNames.Nn + ".ConvTranspose2d(" + string.Join(", ", args) + ")";
    }

    protected override string? InDoubles(AnalyzedLayer layer, ConvTranspose2dSpec conv)
        => ConvolutionText.InDoubles(layer.Name, conv.Stride, conv.Padding, conv.OutputPadding, transposed: true, conv.Dilation, conv.Groups, conv.Activation);

    protected override string Application(SourceWriter w, AnalyzedLayer layer, ConvTranspose2dSpec conv, string p)
        => ActivationCode.Apply(w, conv.Activation, conv.NegativeSlope, layer.Name + ".forward(" + p + ")");
}
