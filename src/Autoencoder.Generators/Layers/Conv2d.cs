using System.Collections.Generic;
using P = Autoencoder.Generators.Layers.ConvolutionParameters;

namespace Autoencoder.Generators.Layers;

/// <summary>A 2-D convolution with a square kernel: <c>[Conv2d(16, 3, Activation.ReLU, Stride = 2)]</c>, <c>conv2d: {out_channels: 16, kernel_size: 3}</c>.</summary>
internal sealed record Conv2dSpec(
    int OutChannels,
    int KernelSize,
    int Stride,
    int Padding,
    bool SamePadding,
    int Dilation,
    int Groups,
    bool Bias,
    Activation Activation,
    double NegativeSlope,
    WeightInit Init,
    LocationInfo? Location)
    : LayerSpec(Location)
{
    public override LayerKind Kind => Conv2dKind.Instance;

    public override string Describe()
    {
        var parts = new List<string> { Literals.Format(OutChannels), Literals.Format(KernelSize) };
        ConvolutionText.Describe(parts, "stride", Stride, Defaults.Stride);
        if (SamePadding)
        {
            parts.Add("same padding");
        }

        ConvolutionText.Describe(parts, "padding", Padding, Defaults.Padding);
        ConvolutionText.DescribeCommon(parts, Dilation, Groups, Bias, Activation);
        return "Conv2d(" + string.Join(", ", parts) + ")";
    }
}

internal sealed class Conv2dKind : LayerKind<Conv2dSpec>
{
    private static readonly BoolParameter SamePadding = new(nameof(SamePadding), false);

    public static readonly Conv2dKind Instance = new();

    private Conv2dKind()
        : base("Conv2d", "conv2d")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = P.With(SamePadding);

    public override string YamlExample => "e.g. 'conv2d: {out_channels: 16, kernel_size: 3}'";

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new Conv2dSpec(
        a.Int(P.OutChannels),
        a.Int(P.KernelSize),
        a.Int(P.Stride),
        a.Int(P.Padding),
        a.Bool(SamePadding),
        a.Int(P.Dilation),
        a.Int(P.Groups),
        a.Bool(CommonParameters.Bias),
        a.Choice(P.Activation),
        a.Number(CommonParameters.NegativeSlope),
        a.Choice(CommonParameters.Init),
        a.Location);

    protected override bool Validate(Conv2dSpec conv, LayerCheck check)
    {
        var ok = P.Kernel(check, conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation, conv.Groups)
                 & check.Neuron(conv.Activation, conv.Init, conv.NegativeSlope);
        if (conv.SamePadding && conv.Stride != 1)
        {
            ok = check.Unsupported("SamePadding keeps the input's height and width only with stride 1, but " + check.Where + " has stride " + conv.Stride + ": remove SamePadding and set Padding instead");
        }
        else if (conv.SamePadding && conv.Padding != 0)
        {
            ok = check.Unsupported(check.Where + " sets both SamePadding and Padding = " + conv.Padding + ": keep one of them");
        }

        return ok;
    }

    protected override LayerShape Infer(Conv2dSpec conv, Shape input)
    {
        var problem = ImageShapes.NeedsImage(input) ?? ImageShapes.Groups(input.Channels, conv.OutChannels, conv.Groups);
        if (problem is not null)
        {
            return LayerShape.Fails(problem);
        }

        Dim h = input.Dimensions[1], w = input.Dimensions[2];
        if (!conv.SamePadding)
        {
            // A free side is large enough by the model's minimum size, which analysis finds by trying sizes.
            var span = ((long)conv.Dilation * (conv.KernelSize - 1)) + 1;
            Dim paddedH = h.Plus(2L * conv.Padding), paddedW = w.Plus(2L * conv.Padding);
            if ((paddedH.IsFixed && paddedH.Value < span) || (paddedW.IsFixed && paddedW.Value < span))
            {
                var kernel = conv.Dilation == 1 ? ImageShapes.Square(span) + " kernel" : ImageShapes.Square(conv.KernelSize) + " kernel, dilated to " + ImageShapes.Square(span) + ",";
                return LayerShape.Fails("its " + kernel + " is larger than the padded input " + paddedH + "×" + paddedW);
            }

            h = paddedH.Strided(conv.Stride, -span).Plus(1);
            w = paddedW.Strided(conv.Stride, -span).Plus(1);
        }

        return ImageShapes.Convolution(conv.OutChannels, h, w, input.Channels, conv.KernelSize, conv.Groups, conv.Bias);
    }

    protected override Activation? OutputActivation(Conv2dSpec conv) => conv.Activation;

    protected override (WeightInit Init, bool Bias)? Weights(Conv2dSpec conv) => (conv.Init, conv.Bias);

    protected override Conv2dSpec WithInit(Conv2dSpec conv, System.Func<WeightInit, WeightInit> resolve) => conv with { Init = resolve(conv.Init) };

    public override string FieldType(AnalyzedLayer layer) => "global::TorchSharp.Modules.Conv2d";

    protected override string Construction(AnalyzedLayer layer, Conv2dSpec conv)
    {
        // TorchSharp's Padding.Same overload works out (possibly uneven) padding the way PyTorch does.
        var args = new List<string> { Literals.Format(layer.Input.Channels), Literals.Format(conv.OutChannels), "kernel_size: " + conv.KernelSize };
        ConvolutionText.Argument(args, "stride", conv.Stride, Defaults.Stride);
        if (conv.SamePadding)
        {
            args.Add("padding: global::TorchSharp.Padding.Same");
        }

        ConvolutionText.Argument(args, "padding", conv.Padding, Defaults.Padding);
        ConvolutionText.CommonArguments(args, conv.Dilation, conv.Groups, conv.Bias);
        return TorchNames.Nn + ".Conv2d(" + string.Join(", ", args) + ")";
    }

    // Same padding of an odd kernel is (k − 1) / 2 on each side; an even kernel's is uneven, which DoubleConvolution does not take.
    protected override string? InDoubles(AnalyzedLayer layer, Conv2dSpec conv)
        => conv.SamePadding && conv.KernelSize % 2 == 0
            ? null
            : ConvolutionText.InDoubles(layer.Name, conv.Stride, conv.SamePadding ? (conv.KernelSize - 1) / 2 : conv.Padding, 0, transposed: false, conv.Dilation, conv.Groups, conv.Activation);

    protected override string Application(SourceWriter w, AnalyzedLayer layer, Conv2dSpec conv, string p)
        => ActivationCode.Apply(w, conv.Activation, conv.NegativeSlope, Forward(layer.Name, conv, p));

    // oneDNN's CPU backward of a stride-1 convolution gets the input gradient wrong when the output channels are not a
    // multiple of 16 (docs/troubleshooting.md); such a layer runs through the runtime's padded-weights path. A 1×1 kernel
    // takes another path that is right, and an even kernel's same padding is uneven, which that path does not take.
    private static string Forward(string name, Conv2dSpec conv, string p)
    {
        bool narrow = conv.Stride == 1 && conv.KernelSize > 1 && conv.OutChannels % 16 != 0 && conv.Groups == 1
                      && !(conv.SamePadding && conv.KernelSize % 2 == 0);
        if (!narrow)
        {
            return name + ".forward(" + p + ")";
        }

        int padding = conv.SamePadding ? conv.Dilation * (conv.KernelSize - 1) / 2 : conv.Padding;
        return "global::Autoencoder.Runtime.Layers.PaddedOutputConvolution.Forward(" + name + ", " + p
               + ", padding: " + Literals.Format(padding) + ", dilation: " + Literals.Format(conv.Dilation) + ")";
    }
}
