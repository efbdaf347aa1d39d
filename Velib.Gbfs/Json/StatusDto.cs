using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>One station_status record as any GBFS version spells it (v3 says vehicles; v1 and Vélib' flag with 0/1).</summary>
internal sealed class StatusDto
{
    [JsonPropertyName("station_id"), JsonConverter(typeof(StationIdConverter))] public GbfsStationId? Id { get; set; }
    [JsonPropertyName("num_bikes_available"), JsonConverter(typeof(CountConverter))] public int? Bikes { get; set; }
    [JsonPropertyName("num_vehicles_available"), JsonConverter(typeof(CountConverter))] public int? Vehicles { get; set; }
    [JsonPropertyName("num_docks_available"), JsonConverter(typeof(CountConverter))] public int? Docks { get; set; }
    [JsonPropertyName("is_installed"), JsonConverter(typeof(FlagConverter))] public GbfsFlag Installed { get; set; }
    [JsonPropertyName("is_renting"), JsonConverter(typeof(FlagConverter))] public GbfsFlag Renting { get; set; }
    [JsonPropertyName("is_returning"), JsonConverter(typeof(FlagConverter))] public GbfsFlag Returning { get; set; }
    [JsonPropertyName("last_reported"), JsonConverter(typeof(TimestampConverter))] public DateTime? LastReported { get; set; }

    /// <summary>Vélib's <c>[{"mechanical": n}, {"ebike": m}]</c>.</summary>
    [JsonPropertyName("num_bikes_available_types")] public List<VelibSplitDto>? VelibSplit { get; set; }

    /// <summary>GBFS 2.1+ <c>[{"vehicle_type_id": "…", "count": n}]</c>.</summary>
    [JsonPropertyName("vehicle_types_available")] public List<VehicleCountDto>? VehicleTypes { get; set; }
}
