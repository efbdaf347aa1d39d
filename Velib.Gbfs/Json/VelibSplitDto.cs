using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

internal sealed class VelibSplitDto
{
    [JsonPropertyName("mechanical")] public int? Mechanical { get; set; }
    [JsonPropertyName("ebike")] public int? Ebike { get; set; }
}
