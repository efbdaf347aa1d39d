using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>
/// A station's count (bikes, vehicles, docks): a JSON integer, or null when absent. Anything else (a string, a
/// fraction, an object) is <see cref="Unreadable"/>, which makes the record bad in <see cref="StationMapping"/>: a value
/// rather than the exception the built-in reader throws, since a caught exception per bad record costs more than
/// the record.
/// </summary>
internal sealed class CountConverter : JsonConverter<int?>
{
    /// <summary>What an unreadable count reads as; the same number written in the feed reads as one more (still negative).</summary>
    public const int Unreadable = int.MinValue;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var count))
        {
            return count == Unreadable ? Unreadable + 1 : count;
        }
        // An object or an array is passed over whole; on any other token this does nothing.
        reader.Skip();
        return Unreadable;
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) => throw new NotSupportedException();
}
