using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>Epoch seconds (GBFS 1/2, Vélib') or RFC 3339 (GBFS 3), as UTC; an unreadable time is no time, not a bad record.</summary>
internal sealed class TimestampConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds is >= 0 and < 253402300800)
        {
            return DateTime.UnixEpoch.AddSeconds(seconds);
        }
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var time))
        {
            return time.UtcDateTime;
        }
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options) => throw new NotSupportedException();
}
