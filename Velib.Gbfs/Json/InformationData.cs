using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class InformationData
{
    [JsonPropertyName("stations"), JsonConverter(typeof(SkipBadRecords<InformationDto>))] public List<InformationDto?>? Stations { get; set; }
}
