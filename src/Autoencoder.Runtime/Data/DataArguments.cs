using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Data;

/// <summary>The checks <c>TrainingLoop.Fit</c> makes on its data before training.</summary>
internal static class DataArguments
{
    /// <summary>Training batches must stack, so every sample has one known shape.</summary>
    public static void RequireTrainable(ITrainingData train, string paramName)
    {
        if (train.Count <= 0)
            throw new ArgumentException($"Expected at least one training sample but the data has {train.Count}.", paramName);
        if (train.SampleShape.Any(d => d < 0))
            throw new ArgumentException(
                $"Training samples must all have one shape, and this data's is {Format(train.SampleShape)} (-1: varies). " +
                "Train on patches (ImageFolderOptions.Crop = Random) and keep whole images for validation.", paramName);
    }

    /// <summary>Validation samples must look like training samples, except where their size is free (-1).</summary>
    public static void RequireCompatible(ITrainingData train, ITrainingData validation, string paramName)
    {
        if (validation.Count <= 0)
            throw new ArgumentException($"Expected at least one validation sample but the data has {validation.Count}.", paramName);
        var a = train.SampleShape;
        var b = validation.SampleShape;
        bool same = a.Count == b.Count;
        for (int i = 0; same && i < a.Count; i++)
            same = a[i] == b[i] || b[i] < 0;
        if (!same)
            throw new ArgumentException(
                $"Validation samples have shape {Format(b)} but training samples have shape {Format(a)}; they must match (-1: a size that varies).",
                paramName);
    }

    public static string Format(IReadOnlyList<long> shape) => "[" + string.Join(", ", shape) + "]";
}
