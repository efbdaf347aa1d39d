using System.Text.Json.Serialization;

namespace Velib.Gbfs.SourceGenerated;

internal sealed class StatusData
{
    [JsonPropertyName("stations"), JsonConverter(typeof(SkipBadRecords<StatusDto>))] public List<StatusDto?>? Stations { get; set; }
}
