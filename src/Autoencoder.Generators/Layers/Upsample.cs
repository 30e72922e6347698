using System.Collections.Generic;
using Autoencoder.Generators.FrontEnds.Yaml;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Upsampling of height and width by a whole factor or to a size: <c>[Upsample(2)]</c>, <c>[Upsample(Height = 28, Width = 28)]</c>,
/// <c>upsample: {scale: 2}</c>, <c>upsample: {size: [28, 28]}</c>. Null means "not declared": validation requires either a scale or both sides.
/// </summary>
internal sealed record UpsampleSpec(int? Scale, int? Height, int? Width, Upsampling Mode, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => UpsampleKind.Instance;

    public bool ToSize => Scale is null;

    public override string Describe()
    {
        var size = ToSize ? "to " + Literals.Format(Height ?? 0) + "×" + Literals.Format(Width ?? 0) : Literals.Format(Scale ?? 0);
        return "Upsample(" + size + (Mode == Upsampling.Nearest ? string.Empty : ", " + Mode) + ")";
    }
}

internal sealed class UpsampleKind : LayerKind<UpsampleSpec>
{
    private static readonly OptionalIntParameter Scale = new(nameof(Scale), position: 0);
    private static readonly SizeParameter Size = new(nameof(Size), "Height", "Width");
    private static readonly ChoiceParameter<Upsampling> Mode = new(nameof(Mode), YamlVocabulary.Upsamplings);

    public static readonly UpsampleKind Instance = new();

    private UpsampleKind()
        : base("Upsample", "upsample")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Scale, Size, Mode };

    public override LayerSpec Read(LayerArguments a)
    {
        var scale = a.Int(Scale);
        var (height, width) = a.Size(Size);
        if (scale is null && height is null && width is null)
        {
            a.NeedsOneOf(Scale, Size, "e.g. 'upsample: {scale: 2}', or give a 'size' such as 'upsample: {size: [28, 28]}'");
        }

        return new UpsampleSpec(scale, height, width, a.Choice(Mode), a.Location);
    }

    protected override bool Validate(UpsampleSpec upsample, LayerCheck check)
        => UpsampleSize(upsample, check) & check.Defined(upsample.Mode, "The Mode");

    /// <summary>A scale, or a height and a width; never both, never neither.</summary>
    private static bool UpsampleSize(UpsampleSpec upsample, LayerCheck check)
    {
        if (upsample.Scale is { } scale)
        {
            return upsample.Height is null && upsample.Width is null
                ? check.Positive(scale, "scale")
                : check.Unsupported(check.Where + " has both a scale and a Height or Width: give a scale, e.g. [Upsample(2)], or a size, e.g. [Upsample(Height = 28, Width = 28)]");
        }

        if (upsample.Height is null || upsample.Width is null)
        {
            return check.Unsupported(check.Where + " needs a scale, e.g. [Upsample(2)], or both Height and Width, e.g. [Upsample(Height = 28, Width = 28)]");
        }

        return check.Positive(upsample.Height.Value, "Height") & check.Positive(upsample.Width.Value, "Width");
    }

    protected override LayerShape Infer(UpsampleSpec upsample, Shape input)
    {
        var problem = ImageShapes.NeedsImage(input);
        if (problem is not null)
        {
            return LayerShape.Fails(problem);
        }

        if (upsample.ToSize)
        {
            return ImageShapes.Image(input.Channels, Dim.Of(upsample.Height ?? 0), Dim.Of(upsample.Width ?? 0), 0);
        }

        var scale = upsample.Scale ?? 1;
        return ImageShapes.Image(input.Channels, input.Dimensions[1].Times(scale), input.Dimensions[2].Times(scale), 0);
    }

    protected override string Application(SourceWriter w, AnalyzedLayer layer, UpsampleSpec upsample, string p)
        => TorchNames.Functional + ".interpolate(" + p + ", "
           + (upsample.ToSize ? "size: new long[] { " + layer.Output.Dimensions[1] + ", " + layer.Output.Dimensions[2] + " }" : "scale_factor: new double[] { " + upsample.Scale + ", " + upsample.Scale + " }")
           + ", mode: " + TorchNames.Torch + ".InterpolationMode." + upsample.Mode + ")";
}
