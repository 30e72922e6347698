using System.Collections.Generic;

namespace Autoencoder.Generators.FrontEnds;

/// <summary>
/// Attributes form a flat list, so a residual block is written as [Residual] ... [EndResidual]. The front-end reads
/// the two markers as these placeholders and <see cref="Group"/> nests the layers between them into a
/// <see cref="ResidualSpec"/>; the placeholders never leave the front-end.
/// </summary>
internal static class ResidualMarkers
{
    internal sealed record Open(Activation Activation, double NegativeSlope, LocationInfo? Location) : LayerSpec(Location)
    {
        public override LayerKind Kind => ResidualKind.Instance;

        public override string Describe() => "[Residual]";
    }

    internal sealed record Close(LocationInfo? Location) : LayerSpec(Location)
    {
        public override LayerKind Kind => EndResidualKind.Instance;

        public override string Describe() => "[EndResidual]";
    }

    /// <summary>Nests the layers between matching markers; reports markers without a partner and drops them.</summary>
    public static EquatableArray<LayerSpec> Group(List<LayerSpec> flat, string methodName, List<DiagnosticInfo> diagnostics)
    {
        var open = new Stack<(Open Marker, List<LayerSpec> Body)>();
        var current = new List<LayerSpec>();
        foreach (var layer in flat)
        {
            switch (layer)
            {
                case Open marker:
                    open.Push((marker, current));
                    current = new List<LayerSpec>();
                    break;
                case Close close when open.Count == 0:
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MalformedResidualBlock,
                        close.Location,
                        "[EndResidual] on '" + methodName + "' closes no block: put [Residual] before the block's first layer"));
                    break;
                case Close:
                    current = Nest(open.Pop(), current);
                    break;
                default:
                    current.Add(layer);
                    break;
            }
        }

        while (open.Count > 0)
        {
            var unclosed = open.Peek().Marker;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MalformedResidualBlock,
                unclosed.Location,
                "[Residual] on '" + methodName + "' opens a block that no [EndResidual] closes: put [EndResidual] after the block's last layer"));
            current = Nest(open.Pop(), current);
        }

        return current.ToEquatableArray();
    }

    private static List<LayerSpec> Nest((Open Marker, List<LayerSpec> Outer) frame, List<LayerSpec> body)
    {
        frame.Outer.Add(new ResidualSpec(body.ToEquatableArray(), frame.Marker.Activation, frame.Marker.NegativeSlope, frame.Marker.Location));
        return frame.Outer;
    }
}
