using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>One entry of a GBFS 3 localized string.</summary>
internal sealed class LocalizedTextDto
{
    [JsonPropertyName("text")] public string? Text { get; set; }
    [JsonPropertyName("language")] public string? Language { get; set; }
}
