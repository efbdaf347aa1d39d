using System.Text.Json;
using System.Text.Json.Serialization;

namespace Velib.Gbfs.Json;

/// <summary>
/// An array of records where a record of the wrong shape becomes null (counted as skipped by the parser) instead of
/// failing the document. The whole document is in memory, so the reader can be rewound to the record and skip it;
/// broken JSON still fails the skip, and so the document.
/// </summary>
internal sealed class SkipBadRecords<T> : JsonConverter<List<T?>> where T : class
{
    public override List<T?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"expected an array of records, found {reader.TokenType}");
        var converter = (JsonConverter<T>)options.GetConverter(typeof(T));
        var records = new List<T?>(2048);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = reader;
            try
            {
                records.Add(reader.TokenType == JsonTokenType.StartObject ? converter.Read(ref reader, typeof(T), options) : null);
                if (reader.TokenType != JsonTokenType.EndObject) reader.Skip();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
            {
                reader = start;
                reader.Skip();
                records.Add(null);
            }
        }
        return records;
    }

    public override void Write(Utf8JsonWriter writer, List<T?> value, JsonSerializerOptions options) => throw new NotSupportedException();
}
