namespace Velib.Lake.Import;

/// <summary>What an import did. A second import of the same input writes no object and no change.</summary>
public sealed record ImportSummary(int Snapshots, int Stations, long Observations, long ChangesWritten, int Days,
    int ObjectsWritten, int ObjectsUnchanged, TimeSpan Elapsed)
{
    /// <summary>GBFS files that could not be used, each named with its reason; everything else was imported.</summary>
    public IReadOnlyList<ImportInputException> SkippedFiles { get; init; } = [];

    /// <summary>Station records skipped inside usable GBFS files, as live ingestion skips them.</summary>
    public int SkippedRecords { get; init; }

    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Snapshots:N0} snapshots, {Stations:N0} stations, {ChangesWritten:N0} changes written, {Days:N0} days, {Elapsed.TotalSeconds:0.0} s ({ObjectsWritten:N0} objects written, {ObjectsUnchanged:N0} already there; {Observations / Math.Max(Elapsed.TotalSeconds, 1e-3):N0} rows/s){Skips}");

    private string Skips => SkippedFiles.Count + SkippedRecords == 0 ? ""
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"; skipped: {SkippedFiles.Count:N0} files, {SkippedRecords:N0} station records");
}
