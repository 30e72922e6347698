using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// What a model with a free height or width takes: sides that are multiples of <see cref="Multiple"/>, from the minimums up.
/// </summary>
/// <param name="Multiple">What every stride, pool and pixel unshuffle divides, multiplied out: 16 for four stride-2 stages.</param>
internal sealed record FreeSides(int Multiple, int MinimumHeight, int MinimumWidth);

/// <summary>
/// The input shape as declared, and for free sides the multiple and the smallest size the model takes. Shape inference
/// carries H and W as expressions, so it proves that the layers fit for every multiple; the smallest size is where the
/// kernels first fit, found by analysing the model at fixed sizes (a size that fits stays fitting as it grows).
/// </summary>
internal static class FreeSidesAnalysis
{
    /// <summary>Sides are searched up to this; a model that needs more is not one anybody can run.</summary>
    private const int LargestSide = 1 << 16;

    private const string Spelling = "[Input(C, Any.Height, Any.Width)] (YAML [C, H, W])";

    /// <summary>The input's shape, with <see cref="Dim.Free"/> sides; null after reporting why it is not one.</summary>
    public static Shape? Input(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var input = spec.Input!;
        var sizes = input.Dimensions;
        var dims = new Dim[sizes.Count];
        for (var i = 0; i < sizes.Count; i++)
        {
            var size = sizes[i];
            if (size > 0)
            {
                dims[i] = Dim.Of(size);
            }
            else if (sizes.Count == 3 && ((i == 1 && size == Any.Height) || (i == 2 && size == Any.Width)))
            {
                dims[i] = Dim.Free(i == 1 ? Side.Height : Side.Width);
            }
            else
            {
                var expected = size is Any.Height or Any.Width
                    ? "positive sizes, with a free height and width only as the last two sizes of an image: " + Spelling
                    : "one or more positive sizes";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, input.Location, "The input shape", expected, Describe(sizes)));
                return null;
            }
        }

        if (sizes.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, input.Location, "The input shape", "one or more positive sizes", "empty"));
            return null;
        }

        var shape = Shape.Of(dims);
        if (input.MinimumSize is { } minimum and not 0)
        {
            if (shape.IsFixed)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, input.Location,
                    "MinimumSize applies to a free height or width, but the input " + shape + " has none: leave it out, or declare " + Spelling));
                return null;
            }

            if (minimum < 0 || minimum > LargestSide)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, input.Location, "MinimumSize", "between 1 and " + LargestSide, Literals.Format(minimum)));
                return null;
            }
        }

        return shape;
    }

    /// <summary>
    /// The multiple and the smallest size of a valid model with free sides (<paramref name="layers"/> are all its
    /// analysed layers); null after reporting AE0026 when no size up to <see cref="LargestSide"/> fits.
    /// </summary>
    public static FreeSides? Resolve(ModelSpec spec, Shape input, IEnumerable<AnalyzedLayer> layers, List<DiagnosticInfo> diagnostics)
    {
        var multiple = layers.SelectMany(l => l.SelfAndNested()).Aggregate(input.Multiple, (m, l) => Dim.Lcm(m, l.Output.Multiple));
        if (multiple > LargestSide)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoAdmissibleSize, spec.Input!.Location, spec.Type.Name,
                "its strides need height and width to be multiples of " + multiple + ", more than the largest side tried (" + LargestSide + ")"));
            return null;
        }

        // Binary search over multiples: the first size at which a fixed-size copy of the model has no errors.
        var declared = spec.Input!.MinimumSize ?? 0;
        long low = System.Math.Max(1, (declared + multiple - 1) / multiple), high = LargestSide / multiple;
        var problem = low > high ? "MinimumSize " + declared + " is larger than the largest side tried" : FirstProblem(spec, input, high * multiple);
        if (problem is not null)
        {
            var size = System.Math.Max(low, high) * multiple;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NoAdmissibleSize, spec.Input.Location, spec.Type.Name, "even at " + size + "×" + size + ", " + problem));
            return null;
        }

        while (low < high)
        {
            var middle = (low + high) / 2;
            if (FirstProblem(spec, input, middle * multiple) is null)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var smallest = (int)(low * multiple);
        return new FreeSides((int)multiple, input.Dimensions[1].IsFixed ? (int)input.Dimensions[1].Value : smallest, input.Dimensions[2].IsFixed ? (int)input.Dimensions[2].Value : smallest);
    }

    /// <summary>The first error of the model with its free sides set to <paramref name="side"/>; null when it has none.</summary>
    private static string? FirstProblem(ModelSpec spec, Shape input, long side)
    {
        var fixedSizes = input.At(side, side).Dimensions.Select(d => (int)d.Value).ToEquatableArray();
        // Only the layers decide: the declared patches of a free model are not a fixed model's.
        var result = ModelAnalyzer.Analyze(spec with { Input = spec.Input! with { Dimensions = fixedSizes, MinimumSize = null }, TrainingData = null });
        return result.Diagnostics.FirstOrDefault(d => d.IsError) is { } error ? error.Message : null;
    }

    private static string Describe(EquatableArray<int> sizes)
        => "(" + string.Join(", ", sizes.Select(s => s == Any.Height ? "Any.Height" : s == Any.Width ? "Any.Width" : Literals.Format(s))) + ")";
}
