using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Velib.Tests.Import;

/// <summary>A row with the shared history's status columns, for writing small test inputs.</summary>
public sealed class StatusTestRow
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
}
