using System.Collections.Generic;

namespace Autoencoder.Generators.Analysis;

/// <summary>How the trainer reads image folders, resolved: patches of <see cref="PatchHeight"/>×<see cref="PatchWidth"/> and their augmentations.</summary>
internal sealed record ResolvedTrainingData(int PatchHeight, int PatchWidth, bool FlipHorizontal, bool FlipVertical, double MinimumScale, int PatchesPerImage)
{
    /// <summary>The patch side of a square patch, as the options write it.</summary>
    public bool IsSquare => PatchHeight == PatchWidth;
}

/// <summary>
/// Checks <c>[TrainingData]</c> against the model's input: image models only; a fixed-size model's patches are its own size,
/// a free one's a multiple of its size multiple from its minimum. Models of free sizes get the default when they declare none.
/// </summary>
internal static class TrainingDataAnalysis
{
    /// <summary>Null for a model that reads no image folders (vectors, or a fixed size without the declaration) or after reporting.</summary>
    public static ResolvedTrainingData? Analyze(ModelSpec spec, Shape? input, FreeSides? free, List<DiagnosticInfo> diagnostics)
    {
        var declared = spec.TrainingData;
        if (input is null || (declared is null && free is null))
        {
            return null;
        }

        var where = declared?.Location ?? spec.Location;
        if (input.Rank != 3)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, where,
                "TrainingData reads folders of images, but the input of '" + spec.Type.Name + "' is " + input + ": declare an image input [C, H, W]"));
            return null;
        }

        var scale = declared?.MinimumScale ?? Defaults.MinimumScale;
        var valid = ModelAnalyzer.Check(scale > 0 && scale <= 1, where, "MinimumScale of TrainingData", "in (0, 1]", Literals.Format(scale), diagnostics);
        var patches = declared?.PatchesPerImage ?? Defaults.PatchesPerImage;
        valid &= ModelAnalyzer.Check(patches >= 1, where, "PatchesPerImage of TrainingData", "at least 1", Literals.Format(patches), diagnostics);
        int height, width;
        if (free is null)
        {
            height = (int)input.Dimensions[1].Value;
            width = (int)input.Dimensions[2].Value;
            if (declared?.PatchSize is { } patch && (patch != height || patch != width))
            {
                valid = ModelAnalyzer.Check(false, where, "PatchSize of TrainingData", "the input's size, " + height + "×" + width + " (leave it out)", Literals.Format(patch), diagnostics);
            }
        }
        else
        {
            var multiple = free.Multiple;
            var side = declared?.PatchSize ?? System.Math.Max(System.Math.Max(free.MinimumHeight, free.MinimumWidth), (Defaults.PatchSize + multiple - 1) / multiple * multiple);
            valid &= ModelAnalyzer.Check(
                side % multiple == 0 && side >= free.MinimumHeight && side >= free.MinimumWidth, where, "PatchSize of TrainingData",
                "a multiple of " + multiple + " (SizeMultiple) of at least " + System.Math.Max(free.MinimumHeight, free.MinimumWidth), Literals.Format(side), diagnostics);
            height = input.Dimensions[1].IsFixed ? (int)input.Dimensions[1].Value : side;
            width = input.Dimensions[2].IsFixed ? (int)input.Dimensions[2].Value : side;
        }

        return valid ? new ResolvedTrainingData(height, width, declared?.FlipHorizontal ?? false, declared?.FlipVertical ?? false, scale, patches) : null;
    }
}
