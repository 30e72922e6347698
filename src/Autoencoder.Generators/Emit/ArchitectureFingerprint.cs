using System.Globalization;
using System.Linq;
using System.Text;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// The model's <c>Fingerprint</c>: 64-bit FNV-1a, as 16 hex digits, of a canonical text of the architecture. The text
/// has the input shape, then one line per layer (residual bodies and projections included, in module order): its
/// field name, its kind as the summary writes it, its input and output shapes and its parameter count. Together
/// these fix the name and shape of every weight. The class name, namespace, weight initialisation, loss, optimizer and
/// training settings stay out, so a checkpoint survives a rename or new training settings, but not a new architecture.
/// </summary>
internal static class ArchitectureFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    public static string Of(AnalyzedModel model) => Hash(Text(model)).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The text that is hashed; changing its format changes every model's fingerprint, so it stays as it is.</summary>
    internal static string Text(AnalyzedModel model)
    {
        var text = new StringBuilder();
        text.Append("input ").Append(model.Input).Append('\n');
        foreach (var layer in model.Encoder.Layers.Concat(model.LatentLayers).Concat(model.Decoder.Layers).SelectMany(l => l.SelfAndNested()))
        {
            text.Append(layer.Name).Append(' ')
                .Append(layer.Layer.Describe()).Append(' ')
                .Append(layer.Input).Append(" -> ").Append(layer.Output).Append(' ')
                .Append(Literals.Format(layer.Parameters)).Append('\n');
        }

        if (model.Family.Between is { } between)
        {
            // Appended, so that models without one keep their fingerprints: a codebook's or an entropy model's state is
            // part of the weights, and its code fixes their shapes.
            text.Append(between.Module).Append(' ').Append(between.Description).Append(' ').Append(between.Code);
            if (between.Parameters is { } count)
            {
                text.Append(' ').Append(Literals.Format(count));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static ulong Hash(string text)
    {
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }
}
