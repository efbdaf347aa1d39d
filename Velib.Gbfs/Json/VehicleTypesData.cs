using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class VehicleTypesData
{
    [JsonPropertyName("vehicle_types"), JsonConverter(typeof(SkipBadRecords<VehicleTypeDto>))] public List<VehicleTypeDto?>? VehicleTypes { get; set; }
}
