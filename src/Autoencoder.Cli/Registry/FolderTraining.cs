using System;
using Autoencoder.Runtime.Data;

namespace Autoencoder.Cli.Registry;

/// <summary>A folder of images to stream through a model's trainer, and what to do with files that cannot be read.</summary>
/// <param name="Path">The folder (read recursively).</param>
/// <param name="BadImages">Stop at the first bad file, or skip it and count it.</param>
/// <param name="Started">Called with the source once the folder is indexed, before the first step (for the report).</param>
/// <param name="PatchesPerImage">Random patches cut from each file every epoch; null keeps the model's declared number.</param>
internal sealed record FolderTraining(string Path, BadImagePolicy BadImages, Action<ImageFolderData>? Started = null, int? PatchesPerImage = null);
