using System.Collections.Generic;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// A stride-s transposed convolution cannot know whether the convolution it mirrors started from an even or
/// an odd size, so it often ends one pixel short; OutputPadding adds that pixel. These hints name the layer to fix.
/// </summary>
internal static class OutputPaddingHints
{
    /// <summary>
    /// For a decoder whose output is one pixel short of the input: the text added to AE0008 and the index of the
    /// transposed convolution it names (the last one that can take more output padding), or null.
    /// </summary>
    public static (string Text, int Index)? ForMismatch(AnalyzedNetwork decoder, Shape input)
    {
        if (!IsOnePixelShort(decoder.Output, input, sameChannels: true))
        {
            return null;
        }

        for (var i = decoder.Layers.Count - 1; i >= 0; i--)
        {
            if (decoder.Layers[i].Layer is ConvTranspose2dSpec convT && convT.Stride > 1 && CanGrow(convT))
            {
                return ("; set OutputPadding = " + (convT.OutputPadding + 1) + " on " + convT.Describe() + " (" + decoder.Layers[i].Name + ")", i);
            }
        }

        return null;
    }

    /// <summary>
    /// Warnings for transposed convolutions one pixel short of the input of the convolution they mirror: the k-th
    /// transposed convolution of the decoder mirrors the k-th convolution of the encoder counted from its end.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> ShortLayers(AnalyzedNetwork encoder, AnalyzedNetwork decoder, NetworkSpec decoderSpec, int? skipIndex)
    {
        var convolutions = new List<AnalyzedLayer>();
        foreach (var layer in encoder.Layers)
        {
            if (layer.Layer is Conv2dSpec)
            {
                convolutions.Add(layer);
            }
        }

        var k = 0;
        for (var i = 0; i < decoder.Layers.Count; i++)
        {
            var layer = decoder.Layers[i];
            if (layer.Layer is not ConvTranspose2dSpec convT)
            {
                continue;
            }

            var mirror = k < convolutions.Count ? convolutions[convolutions.Count - 1 - k] : null;
            k++;
            if (mirror is null || i == skipIndex || !CanGrow(convT) || !IsOnePixelShort(layer.Output, mirror.Input, sameChannels: false))
            {
                continue;
            }

            yield return DiagnosticInfo.Create(
                DiagnosticDescriptors.ConvTransposeOnePixelShort,
                decoderSpec.Layers[i].Location,
                convT.Describe(),
                Spatial(layer.Output),
                Spatial(mirror.Input),
                mirror.Layer.Describe(),
                (convT.OutputPadding + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // One more pixel of output padding must still be less than the stride or the dilation.
    private static bool CanGrow(ConvTranspose2dSpec convT) => convT.OutputPadding + 1 < convT.Stride || convT.OutputPadding + 1 < convT.Dilation;

    /// <summary>Both images, height and width each equal to or one less than the target's, not both equal.</summary>
    private static bool IsOnePixelShort(Shape actual, Shape target, bool sameChannels)
    {
        if (actual.Rank != 3 || target.Rank != 3 || (sameChannels && actual.Channels != target.Channels))
        {
            return false;
        }

        // Free sides compare too: H/2-1 is one short of H/2 for every admissible size.
        long? dh = target.Dimensions[1].Minus(actual.Dimensions[1]), dw = target.Dimensions[2].Minus(actual.Dimensions[2]);
        return dh is 0 or 1 && dw is 0 or 1 && dh + dw > 0;
    }

    private static string Spatial(Shape shape) => shape.Dimensions[1] + "×" + shape.Dimensions[2];
}
