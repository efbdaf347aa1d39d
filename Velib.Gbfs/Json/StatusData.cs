using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class StatusData
{
    [JsonPropertyName("stations"), JsonConverter(typeof(SkipBadRecords<StatusDto>))] public List<StatusDto?>? Stations { get; set; }
}
