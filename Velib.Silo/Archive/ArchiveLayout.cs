using System.Globalization;

namespace Velib.Silo.Archive;

/// <summary>
/// Object keys of the data lake, Hive-partitioned so that DuckDB, Spark, Athena and Trino read them as they are:
/// <c>{prefix}changes/date=YYYY-MM-DD/hour=HH/{flush-start}-{batch-id}.parquet</c> and
/// <c>{prefix}stations/date=YYYY-MM-DD/{time}.parquet</c>.
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

    /// <summary>The prefix of every changes object of one day.</summary>
    public static string ChangesDayPrefix(string prefix, DateTime dayUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}changes/date={dayUtc:yyyy-MM-dd}/");

    /// <summary>The start of the hour a change belongs to.</summary>
    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
}
