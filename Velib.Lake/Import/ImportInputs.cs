namespace Velib.Lake.Import;

/// <summary>
/// Every PATH read and checked before anything is written, so a bad input leaves the lake untouched. Status inputs are
/// merged in time order; where two inputs hold the same (station, time), the first PATH given wins.
/// </summary>
public sealed record ImportInputs(List<Observation> Observations, List<StationRow> Stations)
{
    public static async Task<ImportInputs> ReadAsync(IReadOnlyList<string> paths, IImportObserver observer, CancellationToken cancellationToken)
    {
        List<List<Observation>> status = [];
        List<StationRow> stations = [];
        List<(string Path, ParquetInput Parquet)> opened = [];
        try
        {
            foreach (var path in paths)
            {
                if (Directory.Exists(path)) throw new ImportInputException(path, null, "is a folder: folders of GBFS JSON files are not imported yet (give status or stations Parquet files)");
                if (File.Exists(path)) opened.Add((path, await ParquetInput.OpenAsync(path, cancellationToken)));
                else throw new ImportInputException(path, null, "no such file or folder");
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
        return new ImportInputs(Merge(status), stations);
    }

    private static List<Observation> Merge(List<List<Observation>> inputs) => inputs.Count switch
    {
        0 => [],
        1 => inputs[0],
        // OrderBy is stable, so among equal times the first PATH's rows come first and win.
        _ => [.. inputs.SelectMany(i => i).OrderBy(o => o.ObservedUtc).DistinctBy(o => (o.StationId, o.ObservedUtc))],
    };
}
