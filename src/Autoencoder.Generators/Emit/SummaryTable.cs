using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Emit;

/// <summary>The Keras-style model summary (layer, output shape, parameters), computed at compile time.</summary>
internal static class SummaryTable
{
    public static IReadOnlyList<string> Lines(AnalyzedModel model)
    {
        var rows = new List<string[]> { new[] { "Layer", "Kind", "Output shape", "Param #" } };
        rows.Add(new[] { "input", "Input", model.Input.ToString(), "0" });
        AddRows(rows, model.Encoder.Layers, string.Empty);
        var before = model.Family.LayersBeforeBetween;
        AddRows(rows, model.LatentLayers.Take(before).ToEquatableArray(), string.Empty);
        if (model.Family.Between is { } between)
        {
            rows.Add(new[] { between.Module, between.Description, between.Code.ToString(), between.Parameters is { } count ? Literals.Grouped(count) : string.Empty });
        }

        AddRows(rows, model.LatentLayers.Skip(before).ToEquatableArray(), string.Empty);

        AddRows(rows, model.Decoder.Layers, string.Empty);

        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var lines = new List<string> { model.Type.Name + ": " + model.Input + " -> " + model.Code + " -> " + model.Decoder.Output };
        foreach (var row in rows)
        {
            lines.Add((row[0].PadRight(widths[0]) + "  " + row[1].PadRight(widths[1]) + "  " + row[2].PadRight(widths[2]) + "  " + row[3].PadLeft(widths[3])).TrimEnd());
        }

        lines.Add("Total parameters: " + Literals.Grouped(model.ParameterCount));
        if (model.Free is { } free)
        {
            lines.Add("H and W: multiples of " + free.Multiple + ", from " + free.MinimumHeight + "×" + free.MinimumWidth);
        }

        return lines;
    }

    /// <summary>A residual block's row carries no count: the rows of its body (indented) and projection do.</summary>
    private static void AddRows(List<string[]> rows, EquatableArray<AnalyzedLayer> layers, string indent)
    {
        foreach (var layer in layers)
        {
            if (layer.Block.Count == 0)
            {
                rows.Add(new[] { indent + layer.Name, layer.Layer.Describe(), layer.Output.ToString(), Literals.Grouped(layer.Parameters) });
                continue;
            }

            rows.Add(new[] { indent + layer.Name, layer.Layer.Describe(), layer.Output.ToString(), string.Empty });
            AddRows(rows, layer.Block, indent + "  ");
            if (layer.Projection is { } projection)
            {
                rows.Add(new[] { indent + "  " + projection.Name, "projection " + projection.Layer.Describe(), projection.Output.ToString(), Literals.Grouped(projection.Parameters) });
            }
        }
    }

    /// <summary>A C# string literal for one line of text (the table has no quotes or backslashes, but be safe).</summary>
    public static string Quote(string text)
        => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    public static string Join(IReadOnlyList<string> lines) => string.Join("\n", lines) + "\n";
}
