using System.Collections.Generic;
using System.Linq;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// A line of text that first erases the terminal line it is written on. Spectre moves the cursor back to the
/// start of a live display before writing above it but does not erase, so a line shorter than the bar it
/// replaces would keep the bar's tail.
/// </summary>
internal sealed class ClearedLine(IAnsiConsole console, string text) : Renderable
{
    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        IRenderable erase = ControlCode.Create(console, writer => writer.EraseInLine(2));
        IRenderable line = new Text(text + "\n");
        return erase.Render(options, maxWidth).Concat(line.Render(options, maxWidth));
    }
}
