using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>
/// GBFS 2+ booleans, or the 0/1 of GBFS 1.0 and Vélib'; anything else, null included, invalidates the record (a
/// flag that is absent is true, as GBFS 1.0 allows; one that is there must say something).
/// </summary>
internal sealed class FlagConverter : JsonConverter<bool?>
{
    // Called for null too, so that null is refused rather than read as absent.
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Number when reader.TryGetInt32(out var n) && n is 0 or 1 => n == 1,
        _ => throw new JsonException($"a flag must be true, false, 0 or 1, not {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) => throw new NotSupportedException();
}
