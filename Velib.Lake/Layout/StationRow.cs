using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Velib.Lake.Layout;

/// <summary>One row of <c>stations/…parquet</c>: station_information as it was at <see cref="ObservedAt"/>.</summary>
public sealed class StationRow
{
    [JsonPropertyName("system")] public string System { get; set; } = "";
    [JsonPropertyName("station_id")] public long StationId { get; set; }
    [JsonPropertyName("station_code")] public string StationCode { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("lat")] public double Lat { get; set; }
    [JsonPropertyName("lon")] public double Lon { get; set; }
    [JsonPropertyName("capacity")] public int Capacity { get; set; }
    [JsonPropertyName("observed_at"), ParquetTimestamp(ParquetTimestampResolution.Milliseconds)] public DateTime ObservedAt { get; set; }
}
