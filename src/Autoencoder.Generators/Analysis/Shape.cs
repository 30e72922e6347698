using System.Linq;
using Autoencoder.Generators.Common;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>The shape of one sample (batch dimension excluded); written with a leading B: [B, 1, 28, 28].</summary>
    internal sealed record Shape(EquatableArray<int> Dimensions)
    {
        public int Rank => Dimensions.Count;

        public long Size => Dimensions.Aggregate(1L, (product, d) => product * d);

        public static Shape Of(params int[] dimensions) => new(EquatableArray.Create(dimensions));

        public override string ToString() => "[B, " + string.Join(", ", Dimensions) + "]";

        /// <summary>As C# array elements, for generated code: <c>1, 28, 28</c>.</summary>
        public string ToCSharpList() => string.Join(", ", Dimensions);
    }
}
