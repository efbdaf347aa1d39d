using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>One station_information record; names may be GBFS 3 localized lists, positions strings.</summary>
internal sealed class InformationDto
{
    [JsonPropertyName("station_id"), JsonConverter(typeof(StationIdConverter))] public GbfsStationId? Id { get; set; }
    [JsonPropertyName("stationCode"), JsonConverter(typeof(TextConverter))] public string? StationCode { get; set; }
    [JsonPropertyName("short_name"), JsonConverter(typeof(TextConverter))] public string? ShortName { get; set; }
    [JsonPropertyName("name"), JsonConverter(typeof(TextConverter))] public string? Name { get; set; }
    [JsonPropertyName("lat"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public double Lat { get; set; } = double.NaN;
    [JsonPropertyName("lon"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] public double Lon { get; set; } = double.NaN;
    [JsonPropertyName("capacity")] public int Capacity { get; set; }
}
