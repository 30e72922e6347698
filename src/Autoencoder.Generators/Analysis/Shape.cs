namespace Autoencoder.Generators.Analysis;

/// <summary>The shape of one sample (batch dimension excluded); written with a leading B: [B, 1, 28, 28].</summary>
internal sealed record Shape(EquatableArray<int> Dimensions)
{
    public int Rank => Dimensions.Count;

    /// <summary>Elements per sample; saturates at long.MaxValue so absurd declarations get a message, not an overflow.</summary>
    public long Size
    {
        get
        {
            long product = 1;
            foreach (var d in Dimensions)
            {
                if (d != 0 && product > long.MaxValue / d)
                {
                    return long.MaxValue;
                }

                product *= d;
            }

            return product;
        }
    }

    public static Shape Of(params int[] dimensions) => new(EquatableArray.Create(dimensions));

    /// <summary>Whether <paramref name="dimensions"/> is a shape: one or more sizes, each positive.</summary>
    public static bool AllPositive(EquatableArray<int> dimensions) => dimensions.Count > 0 && System.Linq.Enumerable.All(dimensions, d => d > 0);

    /// <summary>Declared sizes in messages: <c>(1, 28, 28)</c>, or "empty".</summary>
    public static string Describe(EquatableArray<int> dimensions) => dimensions.Count == 0 ? "empty" : "(" + string.Join(", ", dimensions) + ")";

    public override string ToString() => "[B, " + string.Join(", ", Dimensions) + "]";

    /// <summary>As C# array elements, for generated code: <c>1, 28, 28</c>.</summary>
    public string ToCSharpList() => string.Join(", ", Dimensions);
}
