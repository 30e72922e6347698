namespace Autoencoder.Runtime.Data;

/// <summary>What an <see cref="ImageFolderData"/> does with a file it cannot use.</summary>
public enum BadImagePolicy
{
    /// <summary>Stop training with an <see cref="Imaging.ImageFileException"/> naming the file and the reason.</summary>
    Fail,

    /// <summary>Leave the sample out of its batch and list the file in <see cref="ImageFolderData.SkippedFiles"/>.</summary>
    Skip,
}
