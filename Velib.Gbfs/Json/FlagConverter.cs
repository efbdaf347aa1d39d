using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>
/// GBFS 2+ booleans, or the 0/1 of GBFS 1.0 and Vélib'; anything else, null included, is <see cref="GbfsFlag.Unreadable"/>
/// and invalidates the record (a flag that is absent is true, as GBFS 1.0 allows; one that is there must say
/// something). A value rather than an exception: a caught exception per bad record costs more than the record.
/// </summary>
internal sealed class FlagConverter : JsonConverter<GbfsFlag>
{
    // Called for null too, so that null is refused rather than read as absent.
    public override bool HandleNull => true;

    public override GbfsFlag Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return GbfsFlag.True;
            case JsonTokenType.False:
                return GbfsFlag.False;
            case JsonTokenType.Number when reader.TryGetInt32(out var n) && n is 0 or 1:
                return n == 1 ? GbfsFlag.True : GbfsFlag.False;
            default:
                // An object or an array is passed over whole; on any other token this does nothing.
                reader.Skip();
                return GbfsFlag.Unreadable;
        }
    }

    public override void Write(Utf8JsonWriter writer, GbfsFlag value, JsonSerializerOptions options) => throw new NotSupportedException();
}
