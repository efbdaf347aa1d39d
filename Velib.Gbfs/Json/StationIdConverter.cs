using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>A station id, a JSON integer (Vélib', up to about 2·10¹⁰) or a string (GBFS 2+), as <see cref="StationIds"/> keys it.</summary>
internal sealed class StationIdConverter : JsonConverter<GbfsStationId>
{
    public override GbfsStationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var id) && id >= 0)
        {
            return new GbfsStationId(id, null);
        }
        if (reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text)
        {
            return new GbfsStationId(StationIds.FromText(text), text);
        }
        throw new JsonException($"a station id must be a non-negative integer or a string, not {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, GbfsStationId value, JsonSerializerOptions options) => throw new NotSupportedException();
}
