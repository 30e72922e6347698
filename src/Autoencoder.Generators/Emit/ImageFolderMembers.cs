namespace Autoencoder.Generators.Emit;

/// <summary>
/// What a model that reads image folders (<c>[TrainingData]</c>, or free sizes) adds to its trainer: the patch and
/// augmentation options, with the declared values as defaults, and <c>Fit(string imageFolder)</c> over the runtime's
/// streaming <c>ImageFolderData</c>.
/// </summary>
internal static class ImageFolderMembers
{
    private const string Data = TorchNames.Runtime + ".Data";

    public static void WriteOptions(SourceWriter w, AnalyzedModel model)
    {
        if (model.TrainingData is not { } data)
        {
            return;
        }

        if (model.Free is { } free)
        {
            Property(w, "Side of the square patches <c>Trainer.Fit(string)</c> cuts from each image: a multiple of " + free.Multiple + " (SizeMultiple).", "int", "PatchSize", Literals.Format(data.PatchHeight));
        }

        Property(w, "Mirror half the training patches left to right.", "bool", "FlipHorizontal", data.FlipHorizontal ? "true" : "false");
        Property(w, "Mirror half the training patches top to bottom.", "bool", "FlipVertical", data.FlipVertical ? "true" : "false");
        Property(w, "Shrink each training image by a random factor between this and 1 before its patch is cut; 1 keeps every file's scale.", "double", "MinimumScale", Literals.Format(data.MinimumScale));
        Property(w, "Random patches cut from each training image every epoch, each with its own place, flips and scale.", "int", "PatchesPerImage", Literals.Format(data.PatchesPerImage));
        Property(w, "What a file of the folder that cannot be read does: stop training (Fail) or leave it out and list it (Skip).", Data + ".BadImagePolicy", "BadImages", "Fail", Data + ".BadImagePolicy.Fail");
    }

    public static void WriteTrainerMembers(SourceWriter w, AnalyzedModel model)
    {
        if (model.TrainingData is not { } data)
        {
            return;
        }

        var patch = model.Free is null ? Literals.Format(data.PatchHeight) + "×" + Literals.Format(data.PatchWidth) + " patch" : "square patch of side <see cref=\"TrainingOptions.PatchSize\"/>";
        w.Line("/// <summary>");
        w.Line("/// Trains for <see cref=\"TrainingOptions.Epochs\"/> epochs on the image files of <paramref name=\"imageFolder\"/> and its subfolders");
        w.Line("/// (PNG, JPEG, WebP, BMP), read in the background as they are needed: each sample a random " + patch + ",");
        w.Line("/// with the options' flips and downscale. Validation takes the centre patch of each image of <paramref name=\"validationFolder\"/>.");
        w.Line("/// </summary>");
        w.Line("/// <exception cref=\"" + TorchNames.Runtime + ".Imaging.ImageFileException\">A file cannot be read (with <see cref=\"TrainingOptions.BadImages\"/> Fail), has other channels, or is smaller than a patch.</exception>");
        w.Open("public " + TorchNames.Runtime + ".Training.TrainingReport Fit(string imageFolder, string? validationFolder = null, global::System.Threading.CancellationToken cancellationToken = default)");
        w.Line("var train = ImageFolder(imageFolder);");
        w.Line("var validation = validationFolder is null ? null : ImageFolder(validationFolder, " + Data + ".ImageCrop.Centre);");
        w.Line("return Fit(train, validation, cancellationToken);");
        w.Close();
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// The images of <paramref name=\"folder\"/> as this model's data: " + model.Input.Channels + " channels, patches and augmentations from the");
        w.Line("/// options (flips and downscale apply to random patches only). Nothing is converted or resized but by the declared downscale.");
        w.Line("/// </summary>");
        w.Line("public " + Data + ".ImageFolderData ImageFolder(string folder, " + Data + ".ImageCrop crop = " + Data + ".ImageCrop.Random) => new(folder, new " + Data + ".ImageFolderOptions");
        w.Line("{");
        w.Line("    Channels = " + Literals.Format(model.Input.Channels) + ",");
        w.Line("    PatchHeight = " + (model.Free is null ? Literals.Format(data.PatchHeight) : "Options.PatchSize") + ",");
        w.Line("    PatchWidth = " + (model.Free is null ? Literals.Format(data.PatchWidth) : "Options.PatchSize") + ",");
        w.Line("    Crop = crop,");
        w.Line("    FlipHorizontal = crop == " + Data + ".ImageCrop.Random && Options.FlipHorizontal,");
        w.Line("    FlipVertical = crop == " + Data + ".ImageCrop.Random && Options.FlipVertical,");
        w.Line("    Downscale = crop == " + Data + ".ImageCrop.Random && Options.MinimumScale < 1 ? new " + Data + ".DownscaleRange(Options.MinimumScale, 1) : null,");
        w.Line("    PatchesPerImage = crop == " + Data + ".ImageCrop.Random ? Options.PatchesPerImage : 1,");
        w.Line("    BadImages = Options.BadImages,");
        w.Line("});");
        w.Line();
    }

    private static void Property(SourceWriter w, string doc, string type, string name, string value, string? code = null)
    {
        w.Line("/// <summary>" + doc + " Default: " + value + ".</summary>");
        w.Line("public " + type + " " + name + " { get; init; } = " + (code ?? value) + ";");
        w.Line();
    }
}
