using System;

namespace Autoencoder;

/// <summary>Training defaults; the generated trainer's options start from these and can be overridden at run time.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainingAttribute : Attribute
{
    /// <summary>Passes over the training set; 10 unless set.</summary>
    public int Epochs { get; set; }

    /// <summary>Samples per optimizer step; 64 unless set.</summary>
    public int BatchSize { get; set; }

    /// <summary>Seed for weight initialisation, shuffling and dropout; 42 unless set.</summary>
    public long Seed { get; set; }

    /// <summary>
    /// Before each optimizer step, rescale the gradients so their global L2 norm is at most this (greater than 0);
    /// no clipping unless set.
    /// </summary>
    public double GradientClipNorm { get; set; }
}
