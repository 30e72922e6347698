using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Sub-pixel upsampling (Shi et al. 2016): [C·r², H, W] → [C, H·r, W·r], each group of r² channels becoming an r×r block
/// of pixels; <c>[PixelShuffle(2)]</c>, <c>pixel_shuffle: {factor: 2}</c>. No weights: a convolution before it learns the
/// sub-pixels. <see cref="Inverse"/> is PixelUnshuffle, [C, H·r, W·r] → [C·r², H, W]: <c>[PixelUnshuffle(2)]</c>.
/// </summary>
internal sealed record PixelShuffleSpec(bool Inverse, int Factor, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => Inverse ? PixelShuffleKind.Unshuffle : PixelShuffleKind.Shuffle;

    public override string Describe() => (Inverse ? "PixelUnshuffle(" : "PixelShuffle(") + Literals.Format(Factor) + ")";
}

/// <summary>
/// Both directions, one class: the code is PyTorch's definition of <c>pixel_shuffle</c> written out as a reshape, a
/// permutation and a reshape, with every size known when the code compiles.
/// </summary>
internal sealed class PixelShuffleKind : LayerKind<PixelShuffleSpec>
{
    private static readonly IntParameter Factor = new(nameof(Factor), position: 0, required: true);

    public static readonly PixelShuffleKind Shuffle = new(unshuffle: false);
    public static readonly PixelShuffleKind Unshuffle = new(unshuffle: true);

    private readonly bool _unshuffle;

    private PixelShuffleKind(bool unshuffle)
        : base(unshuffle ? "PixelUnshuffle" : "PixelShuffle", unshuffle ? "pixel_unshuffle" : "pixel_shuffle") => _unshuffle = unshuffle;

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Factor };

    public override string YamlExample => "e.g. '" + YamlKey + ": {factor: 2}'";

    public override LayerSpec Read(LayerArguments a) => new PixelShuffleSpec(_unshuffle, a.Int(Factor), a.Location);

    protected override bool Validate(PixelShuffleSpec layer, LayerCheck check) => check.Positive(layer.Factor, "factor");

    protected override LayerShape Infer(PixelShuffleSpec layer, Shape input)
    {
        if (ImageShapes.NeedsImage(input) is { } problem)
        {
            return LayerShape.Fails(problem);
        }

        long r = layer.Factor, c = input.Channels;
        Dim h = input.Dimensions[1], w = input.Dimensions[2];
        if (_unshuffle)
        {
            if ((double)c * r * r > int.MaxValue)
            {
                return LayerShape.Fails("its " + c + "·" + r + "² output channels are more than a dimension can hold");
            }

            // A free side divides when its constant term does; the side's own term raises the model's size multiple.
            return h.DividedExactly(r) is { } blockH && w.DividedExactly(r) is { } blockW
                ? ImageShapes.Image(c * r * r, blockH, blockW, 0)
                : LayerShape.Fails("its " + h + "×" + w + " input is not divisible into " + ImageShapes.Square(r) + " blocks");
        }

        return c % (r * r) != 0
            ? LayerShape.Fails("its " + c + " input channels are not divisible by " + r + "² = " + (r * r))
            : ImageShapes.Image(c / (r * r), h.Times(r), w.Times(r), 0);
    }

    /// <summary>
    /// Shuffle: [B, C, r, r, H, W] → permute(0, 1, 4, 2, 5, 3) → [B, C, H·r, W·r]. Unshuffle: [B, C, H, r, W, r] →
    /// permute(0, 1, 3, 5, 2, 4) → [B, C·r², H, W].
    /// </summary>
    protected override string Application(SourceWriter w, AnalyzedLayer layer, PixelShuffleSpec spec, string p)
    {
        var r = (long)spec.Factor;
        var c = (long)layer.Input.Channels;

        // A fixed side is a number; a free one is read from the batch (axis + 1), whose shape the whole statement sees before it is assigned.
        string Side(int axis, string operation)
        {
            var size = layer.Input.Dimensions[axis];
            return size.IsFixed
                ? Literals.Format(operation == "/" ? size.Value / r : operation == "*" ? size.Value * r : size.Value)
                : p + ".shape[" + (axis + 1) + "]" + (operation.Length == 0 ? string.Empty : " " + operation + " " + r);
        }

        var split = _unshuffle
            ? new[] { Literals.Format(c), Side(1, "/"), Literals.Format(r), Side(2, "/"), Literals.Format(r) }
            : new[] { Literals.Format(c / (r * r)), Literals.Format(r), Literals.Format(r), Side(1, string.Empty), Side(2, string.Empty) };
        var output = _unshuffle
            ? new[] { Literals.Format(c * r * r), Side(1, "/"), Side(2, "/") }
            : new[] { Literals.Format(c / (r * r)), Side(1, "*"), Side(2, "*") };
        var order = _unshuffle ? "0, 1, 3, 5, 2, 4" : "0, 1, 4, 2, 5, 3";
        return p + ".reshape(" + p + ".shape[0], " + string.Join(", ", split) + ").permute(" + order + ").reshape(" + p + ".shape[0], " + string.Join(", ", output) + ")";
    }
}
