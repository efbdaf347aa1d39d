using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class FeedLinkDto
{
    [JsonPropertyName("name"), JsonConverter(typeof(TextConverter))] public string? Name { get; set; }
    [JsonPropertyName("url"), JsonConverter(typeof(TextConverter))] public string? Url { get; set; }
}
