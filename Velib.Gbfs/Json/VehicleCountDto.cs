using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class VehicleCountDto
{
    [JsonPropertyName("vehicle_type_id")] public string? TypeId { get; set; }
    [JsonPropertyName("count")] public int Count { get; set; }
}
