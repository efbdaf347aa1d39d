using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Velib.Gbfs.Json;

/// <summary>A string, a number kept as written, or a GBFS 3 localized list <c>[{"text","language"}]</c> (French preferred).</summary>
internal sealed class TextConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartArray:
                var texts = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<List<LocalizedTextDto>>)options.GetTypeInfo(typeof(List<LocalizedTextDto>))) ?? [];
                return texts.FirstOrDefault(t => t.Language?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true)?.Text
                    ?? texts.FirstOrDefault(t => t.Text is not null)?.Text;
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => throw new NotSupportedException();
}
