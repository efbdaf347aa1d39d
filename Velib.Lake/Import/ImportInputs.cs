namespace Velib.Lake.Import;

/// <summary>
/// Every PATH read and checked before anything is written, so a bad input leaves the lake untouched. Status inputs are
/// merged in time order; where two inputs hold the same (station, time), the first PATH given wins. In a folder of GBFS
/// files each file is one snapshot: a file that cannot be used is skipped and named in <see cref="SkippedFiles"/>
/// rather than refusing the others (see <see cref="GbfsFolder"/>).
/// </summary>
public sealed record ImportInputs(List<Observation> Observations, List<StationRow> Stations)
{
    public IReadOnlyList<ImportInputException> SkippedFiles { get; init; } = [];

    /// <summary>Station records skipped inside usable GBFS files.</summary>
    public int SkippedRecords { get; init; }

    public static async Task<ImportInputs> ReadAsync(IReadOnlyList<string> paths, IImportObserver observer, CancellationToken cancellationToken)
    {
        List<List<Observation>> status = [];
        List<StationRow> stations = [];
        List<(string Path, ParquetInput Parquet)> opened = [];
        List<string> folders = [];
        List<ImportInputException> skipped = [];
        var skippedRecords = 0;
        try
        {
            foreach (var path in paths)
            {
                if (Directory.Exists(path)) folders.Add(path);
                else if (File.Exists(path)) opened.Add((path, await ParquetInput.OpenAsync(path, cancellationToken)));
                else throw new ImportInputException(path, null, "no such file or folder");
            }
            if (folders.Count > 0)
            {
                observer.Phase("read files", folders.Sum(GbfsFolder.CountFiles));
                foreach (var folder in folders)
                {
                    var contents = await GbfsFolder.ReadAsync(folder, observer.Advance, cancellationToken);
                    status.Add(contents.Observations);
                    stations.AddRange(contents.Stations);
                    skipped.AddRange(contents.Skipped);
                    skippedRecords += contents.SkippedRecords;
                }
            }
            observer.Phase("read", opened.Sum(o => o.Parquet.RowCount));
            foreach (var (path, parquet) in opened)
            {
                if (StatusFile.Columns.All(parquet.Has)) status.Add(await StatusFile.ReadAsync(parquet, observer.Advance, cancellationToken));
                else if (StationsFile.Columns.All(parquet.Has)) stations.AddRange(await StationsFile.ReadAsync(parquet, observer.Advance, cancellationToken));
                else
                {
                    var missing = StatusFile.Columns.Where(c => !parquet.Has(c));
                    throw new ImportInputException(path, null, $"neither a status file nor a stations file: missing column(s) {string.Join(", ", missing)}");
                }
            }
        }
        finally
        {
            foreach (var (_, parquet) in opened) await parquet.DisposeAsync();
        }
        return new ImportInputs(Merge(status), stations) { SkippedFiles = skipped, SkippedRecords = skippedRecords };
    }

    private static List<Observation> Merge(List<List<Observation>> inputs) => inputs.Count switch
    {
        0 => [],
        1 => inputs[0],
        // OrderBy is stable, so among equal times the first PATH's rows come first and win.
        _ => [.. inputs.SelectMany(i => i).OrderBy(o => o.ObservedUtc).DistinctBy(o => (o.StationId, o.ObservedUtc))],
    };
}
