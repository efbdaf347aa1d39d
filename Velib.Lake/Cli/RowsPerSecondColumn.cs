using Spectre.Console;
using Spectre.Console.Rendering;

namespace Velib.Lake.Cli;

/// <summary>The progress bar's rows per second (Spectre's own speed column counts bytes).</summary>
internal sealed class RowsPerSecondColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Markup(task.Speed is { } speed ? $"[blue]{speed:N0} rows/s[/]" : "[grey]- rows/s[/]");
}
