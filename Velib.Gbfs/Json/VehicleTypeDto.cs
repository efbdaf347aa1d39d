using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class VehicleTypeDto
{
    [JsonPropertyName("vehicle_type_id"), JsonConverter(typeof(TextConverter))] public string? Id { get; set; }
    [JsonPropertyName("propulsion_type"), JsonConverter(typeof(TextConverter))] public string? Propulsion { get; set; }
}
