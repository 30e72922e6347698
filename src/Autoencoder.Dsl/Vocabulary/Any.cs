namespace Autoencoder;

/// <summary>
/// Free sides of an input image, for fully convolutional models: <c>[Input(3, Any.Height, Any.Width)]</c> takes colour images
/// of any height and width (YAML <c>input: [3, H, W]</c>). The generator carries H and W through every layer, checks that
/// the decoder gives them back, and works out the multiple they must be (16 for four stride-2 stages) and the smallest size.
/// </summary>
public static class Any
{
    /// <summary>The input's height is free (the second size of <c>[Input(C, H, W)]</c>); YAML writes <c>H</c>.</summary>
    public const int Height = -1;

    /// <summary>The input's width is free (the third size of <c>[Input(C, H, W)]</c>); YAML writes <c>W</c>.</summary>
    public const int Width = -2;
}
