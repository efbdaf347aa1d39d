using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>gbfs.json's data: v3 lists <c>feeds</c> directly, v1/v2 nest them per language (<c>{"fr": {"feeds": …}}</c>).</summary>
internal sealed class DiscoveryData
{
    [JsonPropertyName("feeds")] public List<FeedLinkDto>? Feeds { get; set; }

    [JsonExtensionData] public Dictionary<string, JsonElement>? Languages { get; set; }
}
