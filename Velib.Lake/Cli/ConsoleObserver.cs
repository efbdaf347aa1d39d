using Spectre.Console;
using Velib.Lake.Import;

namespace Velib.Lake.Cli;

/// <summary>Shows each phase of an import as a Spectre.Console progress bar.</summary>
internal sealed class ConsoleObserver(ProgressContext context) : IImportObserver
{
    private ProgressTask? _task;

    public void Phase(string name, long totalRows)
    {
        _task?.StopTask();
        _task = context.AddTask(name switch { "read files" => "Reading GBFS files", "read" => "Reading and checking", _ => "Writing the lake" }, maxValue: Math.Max(totalRows, 1));
    }

    public void Advance(long rows) => _task?.Increment(rows);
}
