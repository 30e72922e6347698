using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// The shape of one sample (batch dimension excluded); written with a leading B: [B, 1, 28, 28], or with free sides for a
/// fully convolutional model: [B, 192, H/16, W/16].
/// </summary>
internal sealed record Shape(EquatableArray<Dim> Dimensions)
{
    public int Rank => Dimensions.Count;

    /// <summary>Whether every size is a number (no free height or width).</summary>
    public bool IsFixed => Dimensions.All(d => d.IsFixed);

    /// <summary>The size of the first dimension: channels of an image, features of a vector. Never free.</summary>
    public int Channels => (int)Dimensions[0].Value;

    /// <summary>The multiple the free input sides must be for every size here to be exact (1 when fixed).</summary>
    public long Multiple => Dimensions.Aggregate(1L, (m, d) => Dim.Lcm(m, d.Multiple));

    /// <summary>
    /// Elements per sample of a fixed shape; saturates at long.MaxValue so absurd declarations get a message, not an
    /// overflow. Layers that need it check <see cref="IsFixed"/> first.
    /// </summary>
    public long Size
    {
        get
        {
            long product = 1;
            foreach (var dim in Dimensions)
            {
                var d = dim.Value;
                if (d != 0 && product > long.MaxValue / d)
                {
                    return long.MaxValue;
                }

                product *= d;
            }

            return product;
        }
    }

    public static Shape Of(params int[] dimensions) => new(dimensions.Select(d => Dim.Of(d)).ToEquatableArray());

    public static Shape Of(params Dim[] dimensions) => new(EquatableArray.Create(dimensions));

    /// <summary>Declared sizes in messages: <c>(1, 28, 28)</c>, or "empty".</summary>
    public static string Describe(EquatableArray<int> dimensions) => dimensions.Count == 0 ? "empty" : "(" + string.Join(", ", dimensions) + ")";

    /// <summary>The shape for an input of <paramref name="height"/>×<paramref name="width"/> (multiples of the sizes' multiples).</summary>
    public Shape At(long height, long width)
        => new(Dimensions.Select(d => Dim.Of(d.At(d.Side == Side.Width ? width : height))).ToEquatableArray());

    public override string ToString() => "[B, " + ToText() + "]";

    /// <summary>The sizes for prose and comments: <c>1, 28, 28</c> or <c>3, H, W</c>.</summary>
    public string ToText() => string.Join(", ", Dimensions);

    /// <summary>As C# array elements, for generated code: <c>1, 28, 28</c>, with -1 for a free size: <c>3, -1, -1</c>.</summary>
    public string ToCSharpList() => string.Join(", ", Dimensions.Select(d => d.ToCSharp()));
}
