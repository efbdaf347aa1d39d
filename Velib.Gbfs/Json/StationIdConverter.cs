using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>
/// A station id, a JSON integer (Vélib', up to about 2·10¹⁰) or a string (GBFS 2+), as <see cref="StationIds"/> keys it;
/// anything else is <see cref="GbfsStationId.Unreadable"/>, a value rather than an exception, since a caught exception
/// per bad record costs more than the record.
/// </summary>
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
        // An object or an array is passed over whole; on any other token this does nothing.
        reader.Skip();
        return GbfsStationId.Unreadable;
    }

    public override void Write(Utf8JsonWriter writer, GbfsStationId value, JsonSerializerOptions options) => throw new NotSupportedException();
}
