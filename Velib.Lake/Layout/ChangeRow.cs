using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;
using Velib.Contracts.Stations;

namespace Velib.Lake.Layout;

/// <summary>One row of <c>changes/…parquet</c>. Column names are snake_case for SQL tools; times are UTC timestamps.</summary>
public sealed class ChangeRow
{
    [JsonPropertyName("system")] public string System { get; set; } = "";
    [JsonPropertyName("station_id")] public long StationId { get; set; }
    [JsonPropertyName("station_code")] public string StationCode { get; set; } = "";
    [JsonPropertyName("observed_at"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime ObservedAt { get; set; }
    [JsonPropertyName("feed_updated_at"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime FeedUpdatedAt { get; set; }
    [JsonPropertyName("mechanical")] public int Mechanical { get; set; }
    [JsonPropertyName("ebike")] public int Ebike { get; set; }
    [JsonPropertyName("docks")] public int Docks { get; set; }
    [JsonPropertyName("installed")] public bool Installed { get; set; }
    [JsonPropertyName("renting")] public bool Renting { get; set; }
    [JsonPropertyName("returning")] public bool Returning { get; set; }
    [JsonPropertyName("last_reported"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime? LastReported { get; set; }

    public static ChangeRow From(string system, StationChange c) => new()
    {
        System = system, StationId = c.StationId, StationCode = c.Code, ObservedAt = c.ObservedUtc, FeedUpdatedAt = c.FeedUpdatedUtc,
        Mechanical = c.Mechanical, Ebike = c.Ebike, Docks = c.Docks, Installed = c.Installed, Renting = c.Renting,
        Returning = c.Returning, LastReported = c.LastReportedUtc,
    };

    public StationChange ToChange() => new(StationId, StationCode, DateTime.SpecifyKind(ObservedAt, DateTimeKind.Utc),
        DateTime.SpecifyKind(FeedUpdatedAt, DateTimeKind.Utc), Mechanical, Ebike, Docks, Installed, Renting, Returning,
        LastReported is { } r ? DateTime.SpecifyKind(r, DateTimeKind.Utc) : null);
}
