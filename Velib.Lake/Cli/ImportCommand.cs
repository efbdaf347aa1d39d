using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using Spectre.Console;
using Velib.Lake.Import;

namespace Velib.Lake.Cli;

/// <summary>
/// <c>import PATH…</c>: history into the lake, with a progress bar and one summary line. Exit 0 on success, 2 on bad
/// input or settings (nothing written), 1 on an S3 failure, 3 when GBFS files were skipped (each named; the rest imported).
/// </summary>
internal static class ImportCommand
{
    private const int SkippedFiles = 3;

    public static Command Build(IReadOnlyList<string> settings)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "status-*.parquet or stations-*.parquet files (the columns of the shared history's), or folders of GBFS station_status*.json and station_information*.json files (any version)" };
        var command = new Command("import", "Import snapshots into the lake as live ingestion would: changes, hourly checkpoints, stations, finished days compacted. S3 settings as the AppHost's: --Velib:S3:…");
        command.Arguments.Add(paths);
        command.SetAction(async (result, cancellationToken) => await RunAsync(result.GetValue(paths)!, settings, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, IReadOnlyList<string> settings, CancellationToken cancellationToken)
    {
        try
        {
            var lake = LakeSettings.From(settings);
            var store = new S3ArchiveStore(S3ClientFactory.Create(lake.S3), Microsoft.Extensions.Options.Options.Create(lake.S3));
            var importer = new LakeImporter(store, lake.Import, TimeProvider.System);
            AnsiConsole.MarkupLineInterpolated($"Importing {paths.Length} path(s) into s3://{lake.S3.Bucket}/{lake.Import.Prefix} at {lake.S3.DisplayEndpoint}");
            var summary = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsPerSecondColumn(), new RemainingTimeColumn())
                .StartAsync(context => importer.ImportAsync(paths, new ConsoleObserver(context), cancellationToken));
            foreach (var skipped in summary.SkippedFiles) Console.Error.WriteLine($"warning: {skipped.Message}");
            Console.WriteLine(summary.Describe());
            return summary.SkippedFiles.Count == 0 ? 0 : SkippedFiles;
        }
        catch (Exception ex) when (ex is ImportInputException or ValidationException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine("Nothing was written.");
            return 2;
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            Console.Error.WriteLine($"error: S3 failed: {ex.GetType().Name}: {ex.Message}");
            Console.Error.WriteLine("What was written is complete; run the same import again to finish it.");
            return 1;
        }
    }
}
