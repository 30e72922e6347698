namespace Autoencoder.Runtime.Data;

/// <summary>Which part of each image becomes a sample.</summary>
public enum ImageCrop
{
    /// <summary>A patch at a random place, drawn anew every epoch (training).</summary>
    Random,

    /// <summary>The patch at the centre, the same every time (validation).</summary>
    Centre,

    /// <summary>The whole image, one per batch since sizes may differ (validation only).</summary>
    Whole,
}
