using System.Globalization;

namespace Velib.Lake.Layout;

/// <summary>
/// Object keys of the data lake, Hive-partitioned so that DuckDB, Spark, Athena and Trino read them as they are:
/// <c>{prefix}changes/date=YYYY-MM-DD/hour=HH/{flush-start}-{batch-id}.parquet</c> (the current day),
/// <c>{prefix}changes-daily/date=YYYY-MM-DD/changes-YYYYMMDD.parquet</c> (finished days, compacted),
/// <c>{prefix}checkpoints/date=YYYY-MM-DD/hour=HH/{time}.parquet</c> (full state, hourly) and
/// <c>{prefix}stations/date=YYYY-MM-DD/{time}.parquet</c> (station_information when it changes).
/// </summary>
public static class ArchiveLayout
{
    public const string Stamp = "yyyyMMdd'T'HHmmss'Z'";

    public static string ChangesKey(string prefix, DateTime hourUtc, DateTime flushStartUtc, string batchId) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix}changes/date={hourUtc:yyyy-MM-dd}/hour={hourUtc:HH}/{flushStartUtc.ToString(Stamp, CultureInfo.InvariantCulture)}-{batchId}.parquet");

    public static string StationsKey(string prefix, DateTime observedUtc) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix}stations/date={observedUtc:yyyy-MM-dd}/{observedUtc.ToString(Stamp, CultureInfo.InvariantCulture)}.parquet");

    public static string CheckpointKey(string prefix, DateTime atUtc) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{prefix}checkpoints/date={atUtc:yyyy-MM-dd}/hour={atUtc:HH}/{atUtc.ToString(Stamp, CultureInfo.InvariantCulture)}.parquet");

    /// <summary>The one object of a finished day's changes, once compacted.</summary>
    public static string DailyChangesKey(string prefix, DateTime dayUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}changes-daily/date={dayUtc:yyyy-MM-dd}/changes-{dayUtc:yyyyMMdd}.parquet");

    /// <summary>
    /// The forecast model fitted for one UTC day (on data before it only). The key names the file's version, so that
    /// a model stored in an older format is refitted, not misread.
    /// </summary>
    public static string ForecastModelKey(string prefix, DateTime dayUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}forecast/date={dayUtc:yyyy-MM-dd}/stock-model-v{Forecast.StockModelFile.Version}.bin");

    /// <summary>The prefix of every (hourly) changes object of one day.</summary>
    public static string ChangesDayPrefix(string prefix, DateTime dayUtc) => DayPrefix(prefix, "changes", dayUtc);

    public static string DailyChangesDayPrefix(string prefix, DateTime dayUtc) => DayPrefix(prefix, "changes-daily", dayUtc);

    public static string CheckpointsDayPrefix(string prefix, DateTime dayUtc) => DayPrefix(prefix, "checkpoints", dayUtc);

    public static string StationsDayPrefix(string prefix, DateTime dayUtc) => DayPrefix(prefix, "stations", dayUtc);

    /// <summary>The start of the hour a change belongs to.</summary>
    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The day of a <c>date=YYYY-MM-DD</c> partition in <paramref name="key"/>.</summary>
    public static DateTime? DayOfKey(string key)
    {
        var at = key.IndexOf("/date=", StringComparison.Ordinal);
        return at >= 0 && key.Length >= at + 16 && DateTime.TryParseExact(key.AsSpan(at + 6, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day) ? day : null;
    }

    /// <summary>The hour of an <c>hour=HH</c> partition in <paramref name="key"/>, on the key's day.</summary>
    public static DateTime? HourOfKey(string key)
    {
        var at = key.IndexOf("/hour=", StringComparison.Ordinal);
        return DayOfKey(key) is { } day && at >= 0 && int.TryParse(key.AsSpan(at + 6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            ? day.AddHours(hour) : null;
    }

    /// <summary>The time stamp that starts the file name of a checkpoint or stations object.</summary>
    public static DateTime? StampOfKey(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name.Length >= 16 && DateTime.TryParseExact(name.AsSpan(0, 16), Stamp, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp) ? stamp : null;
    }

    private static string DayPrefix(string prefix, string table, DateTime dayUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{table}/date={dayUtc:yyyy-MM-dd}/");
}
