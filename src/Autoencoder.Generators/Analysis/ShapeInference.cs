using System.Linq;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>
    /// The output shape and parameter count of each layer kind, or why the layer cannot take its input.
    /// Values out of range (a negative unit count, say) are validated before this runs.
    /// </summary>
    internal static class ShapeInference
    {
        /// <summary>The result for one layer: an output shape, or a reason it cannot take <c>input</c>.</summary>
        internal readonly struct LayerShape
        {
            private LayerShape(Shape? output, long parameters, string? problem)
            {
                Output = output;
                Parameters = parameters;
                Problem = problem;
            }

            public Shape? Output { get; }

            public long Parameters { get; }

            public string? Problem { get; }

            public static LayerShape Ok(Shape output, long parameters = 0) => new(output, parameters, null);

            public static LayerShape Fails(string problem) => new(null, 0, problem);
        }

        public static LayerShape Infer(LayerSpec layer, Shape input) => layer switch
        {
            DenseSpec dense => Dense(dense, input),
            FlattenSpec => Flatten(input),
            UnflattenSpec unflatten => Unflatten(unflatten, input),
            DropoutSpec => LayerShape.Ok(input),
            Conv2dSpec conv => ImageShapeInference.Conv2d(conv, input),
            ConvTranspose2dSpec convT => ImageShapeInference.ConvTranspose2d(convT, input),
            Pool2dSpec pool => ImageShapeInference.Pool2d(pool, input),
            UpsampleSpec upsample => ImageShapeInference.Upsample(upsample, input),
            BatchNormSpec => ImageShapeInference.BatchNorm(input),
            Dropout2dSpec => ImageShapeInference.Dropout2d(input),
            LayerNormSpec => ImageShapeInference.LayerNorm(input),
            GroupNormSpec norm => ImageShapeInference.GroupNorm(norm, input),
            _ => LayerShape.Fails("it is not a known layer"),
        };

        private static LayerShape Flatten(Shape input) => input.Size > int.MaxValue
            ? LayerShape.Fails("it would have " + input.Size + " features, more than a dimension can hold")
            : LayerShape.Ok(Shape.Of((int)input.Size));

        private static LayerShape Dense(DenseSpec dense, Shape input)
        {
            if (input.Rank != 1)
            {
                return LayerShape.Fails("a dense layer needs a flat input; put [Flatten] before it");
            }

            var inFeatures = (long)input.Dimensions[0];
            var parameters = (inFeatures * dense.Units) + (dense.Bias ? dense.Units : 0);
            return LayerShape.Ok(Shape.Of(dense.Units), parameters);
        }

        private static LayerShape Unflatten(UnflattenSpec unflatten, Shape input)
        {
            if (input.Rank != 1)
            {
                return LayerShape.Fails("it needs a flat input; put [Flatten] before it");
            }

            var target = new Shape(unflatten.Shape);
            if (target.Size != input.Size)
            {
                return LayerShape.Fails(
                    string.Join("×", unflatten.Shape) + " = " + target.Size + " elements, but the input has " + input.Size);
            }

            return LayerShape.Ok(target);
        }

        /// <summary>Layers that are submodules with weights or running statistics get a field; the rest are written inline.</summary>
        public static bool HasModule(LayerSpec layer) => layer is DenseSpec or Conv2dSpec or ConvTranspose2dSpec or BatchNormSpec or LayerNormSpec or GroupNormSpec;

        public static bool AllPositive(EquatableArray<int> dimensions) => dimensions.Count > 0 && dimensions.All(d => d > 0);
    }
}
