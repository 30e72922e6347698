namespace Autoencoder.Generators.Emit;

/// <summary>
/// The sizes a model with a free height or width takes, as constants and as the runtime's <c>ImageGeometry</c>; a fixed-size
/// model writes none (its geometry is its input shape's, which the runtime's interface works out).
/// </summary>
internal static class GeometryMembers
{
    public const string AnySize = TorchNames.Runtime + ".Imaging.AnySize";

    private const string ImageGeometry = TorchNames.Runtime + ".Models.ImageGeometry";

    public static void Write(SourceWriter w, AnalyzedModel model)
    {
        if (model.Free is not { } free)
        {
            return;
        }

        w.Line("/// <summary>");
        w.Line("/// Height and width must be multiples of this for the layers to fit exactly: what the strides, pools and pixel unshuffles");
        w.Line("/// divide, multiplied out. <see cref=\"Reconstruct\"/> pads other sizes up to it.");
        w.Line("/// </summary>");
        w.Line("public const int SizeMultiple = " + Literals.Format(free.Multiple) + ";");
        w.Line();
        w.Line("/// <summary>The smallest height the model takes.</summary>");
        w.Line("public const int MinimumHeight = " + Literals.Format(free.MinimumHeight) + ";");
        w.Line();
        w.Line("/// <summary>The smallest width the model takes.</summary>");
        w.Line("public const int MinimumWidth = " + Literals.Format(free.MinimumWidth) + ";");
        w.Line();
        w.Line("/// <summary>The images the model takes: " + Describe(model, free) + ".</summary>");
        w.Line("public static " + ImageGeometry + " Geometry { get; } = " + ImageGeometry + ".Free(" + Literals.Format(model.Input.Channels) + ", SizeMultiple, MinimumHeight, MinimumWidth);");
        w.Line();
    }

    private static string Describe(AnalyzedModel model, FreeSides free)
        => model.Input.Channels + (model.Input.Channels == 1 ? " channel" : " channels") + ", any height and width that are multiples of "
           + free.Multiple + ", from " + free.MinimumHeight + "×" + free.MinimumWidth;
}
