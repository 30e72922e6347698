using System;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Autoencoder.Runtime.Reporting;

/// <summary>A progress column with the task's recent speed, counted in training samples.</summary>
internal sealed class SamplesPerSecondColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        var text = task.Speed is double speed
            ? string.Create(CultureInfo.InvariantCulture, $"{speed:N0} samples/s")
            : "- samples/s";
        return new Text(text).RightJustified();
    }
}
