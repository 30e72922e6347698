using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

internal enum PoolKind
{
    Max,
    Average,
}

/// <summary>Max or average pooling over square windows: <c>[MaxPool2d(2)]</c>, <c>avg_pool2d: {kernel_size: 2}</c>; a null stride means "the kernel size".</summary>
internal sealed record Pool2dSpec(PoolKind Pooling, int KernelSize, int? Stride, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => Pooling == PoolKind.Max ? Pool2dKind.Max : Pool2dKind.Average;

    public int EffectiveStride => Stride ?? KernelSize;

    public override string Describe()
    {
        var name = Pooling == PoolKind.Max ? "MaxPool2d(" : "AvgPool2d(";
        var parts = new List<string> { Literals.Format(KernelSize) };
        ConvolutionText.Describe(parts, "stride", EffectiveStride, KernelSize);
        return name + string.Join(", ", parts) + ")";
    }
}

/// <summary>One kind per pooling, sharing this class: <c>[MaxPool2d]</c>/<c>max_pool2d</c> and <c>[AvgPool2d]</c>/<c>avg_pool2d</c>.</summary>
internal sealed class Pool2dKind : LayerKind<Pool2dSpec>
{
    private static readonly IntParameter KernelSize = new(nameof(KernelSize), position: 0, required: true);

    // Left null when unset: the spec then means "the kernel size", as the attribute's getter does.
    private static readonly OptionalIntParameter Stride = new(nameof(Stride));

    public static readonly Pool2dKind Max = new(PoolKind.Max, "MaxPool2d", "max_pool2d");
    public static readonly Pool2dKind Average = new(PoolKind.Average, "AvgPool2d", "avg_pool2d");

    private readonly PoolKind _pooling;

    private Pool2dKind(PoolKind pooling, string name, string yamlKey)
        : base(name, yamlKey) => _pooling = pooling;

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { KernelSize, Stride };

    public override string YamlExample => "e.g. '" + YamlKey + ": {kernel_size: 2}'";

    public override LayerSpec Read(LayerArguments a) => new Pool2dSpec(_pooling, a.Int(KernelSize), a.Int(Stride), a.Location);

    protected override bool Validate(Pool2dSpec pool, LayerCheck check)
        => check.Positive(pool.KernelSize, "kernel size") & check.Positive(pool.EffectiveStride, "Stride");

    protected override LayerShape Infer(Pool2dSpec pool, Shape input)
    {
        var problem = ImageShapes.NeedsImage(input);
        if (problem is not null)
        {
            return LayerShape.Fails(problem);
        }

        Dim h = input.Dimensions[1], w = input.Dimensions[2];
        if ((h.IsFixed && h.Value < pool.KernelSize) || (w.IsFixed && w.Value < pool.KernelSize))
        {
            return LayerShape.Fails("its " + ImageShapes.Square(pool.KernelSize) + " window is larger than the " + h + "×" + w + " input");
        }

        var stride = pool.EffectiveStride;
        return ImageShapes.Image(input.Channels, h.Strided(stride, -pool.KernelSize).Plus(1), w.Strided(stride, -pool.KernelSize).Plus(1), 0);
    }

    protected override string Application(SourceWriter w, AnalyzedLayer layer, Pool2dSpec pool, string p)
        => TorchNames.Functional + (pool.Pooling == PoolKind.Max ? ".max_pool2d(" : ".avg_pool2d(") + p + ", " + pool.KernelSize + ", stride: " + pool.EffectiveStride + ")";
}
