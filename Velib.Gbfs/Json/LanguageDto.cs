using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class LanguageDto
{
    [JsonPropertyName("feeds")] public List<FeedLinkDto>? Feeds { get; set; }
}
