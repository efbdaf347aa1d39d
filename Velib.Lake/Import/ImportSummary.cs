namespace Velib.Lake.Import;

/// <summary>What an import did. A second import of the same input writes no object and no change.</summary>
public sealed record ImportSummary(int Snapshots, int Stations, long Observations, long ChangesWritten, int Days,
    int ObjectsWritten, int ObjectsUnchanged, TimeSpan Elapsed)
{
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Snapshots:N0} snapshots, {Stations:N0} stations, {ChangesWritten:N0} changes written, {Days:N0} days, {Elapsed.TotalSeconds:0.0} s ({ObjectsWritten:N0} objects written, {ObjectsUnchanged:N0} already there; {Observations / Math.Max(Elapsed.TotalSeconds, 1e-3):N0} rows/s)");
}
