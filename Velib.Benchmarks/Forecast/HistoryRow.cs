using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;
using Velib.Lake.Import;

namespace Velib.Benchmarks.Forecast;

/// <summary>A row with the shared history's status columns: the rehearsal writes the history back as months, as it comes.</summary>
internal sealed class HistoryRow
{
    [JsonPropertyName("observed_at"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime ObservedAt { get; set; }
    [JsonPropertyName("station_id")] public long StationId { get; set; }
    [JsonPropertyName("station_code")] public string StationCode { get; set; } = "";
    [JsonPropertyName("mechanical")] public long Mechanical { get; set; }
    [JsonPropertyName("ebike")] public long Ebike { get; set; }
    [JsonPropertyName("docks")] public long Docks { get; set; }
    [JsonPropertyName("installed")] public bool Installed { get; set; }
    [JsonPropertyName("renting")] public bool Renting { get; set; }
    [JsonPropertyName("returning")] public bool Returning { get; set; }
    [JsonPropertyName("last_reported"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime? LastReported { get; set; }

    public static HistoryRow Of(Observation o) => new()
    {
        ObservedAt = o.ObservedUtc, StationId = o.StationId, StationCode = o.Code, Mechanical = o.Mechanical, Ebike = o.Ebike, Docks = o.Docks,
        Installed = o.Installed, Renting = o.Renting, Returning = o.Returning, LastReported = o.LastReportedUtc,
    };
}
