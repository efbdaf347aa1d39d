using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>The envelope of every GBFS document: its header fields and its <c>data</c>.</summary>
internal sealed class GbfsFeed<TData> where TData : class
{
    [JsonPropertyName("last_updated"), JsonConverter(typeof(TimestampConverter))] public DateTime? LastUpdated { get; set; }

    /// <summary>Vélib' sends only this one; if both appear, the later wins.</summary>
    [JsonPropertyName("lastUpdatedOther"), JsonConverter(typeof(TimestampConverter))] public DateTime? LastUpdatedOther { get; set; }

    [JsonPropertyName("version"), JsonConverter(typeof(TextConverter))] public string? Version { get; set; }

    [JsonPropertyName("data")] public TData? Data { get; set; }

    public GbfsHeader Header => new(LastUpdated > LastUpdatedOther || LastUpdatedOther is null ? LastUpdated : LastUpdatedOther, Version);
}
