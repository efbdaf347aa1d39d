using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Velib.Lake.Import;

/// <summary>
/// A row with the columns <see cref="StatusFile"/> reads (the shared history's <c>status-*.parquet</c>), for writing
/// status files: the tests' small inputs, the forecast rehearsal's months.
/// </summary>
public sealed class StatusFileRow
{
    [JsonPropertyName("observed_at"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime ObservedAt { get; set; }
    [JsonPropertyName("station_id")] public long StationId { get; set; }
    [JsonPropertyName("station_code")] public string StationCode { get; set; } = "";
    [JsonPropertyName("mechanical")] public long Mechanical { get; set; }
    [JsonPropertyName("ebike")] public long Ebike { get; set; }
    [JsonPropertyName("docks")] public long Docks { get; set; }
    [JsonPropertyName("installed")] public bool Installed { get; set; } = true;
    [JsonPropertyName("renting")] public bool Renting { get; set; } = true;
    [JsonPropertyName("returning")] public bool Returning { get; set; } = true;
    [JsonPropertyName("last_reported"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime? LastReported { get; set; }

    public static StatusFileRow Of(Observation o) => new()
    {
        ObservedAt = o.ObservedUtc, StationId = o.StationId, StationCode = o.Code, Mechanical = o.Mechanical, Ebike = o.Ebike, Docks = o.Docks,
        Installed = o.Installed, Renting = o.Renting, Returning = o.Returning, LastReported = o.LastReportedUtc,
    };
}
