using System.Text.Json;

namespace Velib.Gbfs;

/// <summary>
/// Tolerant value readers over <see cref="Utf8JsonReader"/>. Each returns false on a value of the wrong shape
/// (and skips it), so one bad field invalidates its record, not the document.
/// </summary>
internal static class GbfsReader
{
    public static bool TryInt(ref Utf8JsonReader reader, out int value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out value))
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)d;
            return true;
        }
        reader.Skip();
        value = 0;
        return false;
    }

    public static bool TryDouble(ref Utf8JsonReader reader, out double value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out value))
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        reader.Skip();
        value = 0;
        return false;
    }

    /// <summary>GBFS 1.0 (and Vélib') use 0/1; GBFS 2+ use booleans.</summary>
    public static bool TryFlag(ref Utf8JsonReader reader, out bool value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True: value = true; return true;
            case JsonTokenType.False: value = false; return true;
            case JsonTokenType.Number when reader.TryGetInt32(out var n) && n is 0 or 1: value = n == 1; return true;
            default: reader.Skip(); value = false; return false;
        }
    }

    /// <summary>Epoch seconds (GBFS 1/2, Vélib') or RFC 3339 (GBFS 3).</summary>
    public static bool TryTimestamp(ref Utf8JsonReader reader, out DateTime value)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds) && seconds is >= 0 and < 253402300800)
        {
            value = DateTime.UnixEpoch.AddSeconds(seconds);
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var dto))
        {
            value = dto.UtcDateTime;
            return true;
        }
        reader.Skip();
        value = default;
        return false;
    }

    /// <summary>A station id, numeric or text, as a grain key; <paramref name="text"/> keeps the original form.</summary>
    public static bool TryStationId(ref Utf8JsonReader reader, out long id, out string? text)
    {
        text = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out id) && id >= 0)
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.String && (reader.ValueIsEscaped || reader.ValueSpan.Length > 0))
        {
            text = reader.GetString()!;
            id = StationIds.FromText(text);
            return true;
        }
        reader.Skip();
        id = 0;
        return false;
    }

    /// <summary>A plain string, or the preferred text of a GBFS 3 localized list <c>[{"text","language"}]</c>.</summary>
    public static string? ReadText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartArray:
                var texts = ReadTextPairs(ref reader, "text"u8, "language"u8);
                return texts.FirstOrDefault(t => t.Second?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true).First
                    ?? texts.FirstOrDefault(t => t.First is not null).First;
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>An array of objects, keeping two text properties of each (feeds' name/url, vehicle types' id/propulsion).</summary>
    public static List<(string? First, string? Second)> ReadTextPairs(ref Utf8JsonReader reader, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var pairs = new List<(string?, string?)>();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return pairs;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            string? a = null, b = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFirst = reader.ValueTextEquals(first);
                var isSecond = reader.ValueTextEquals(second);
                reader.Read();
                if (isFirst) a = ReadText(ref reader);
                else if (isSecond) b = ReadText(ref reader);
                else reader.Skip();
            }
            pairs.Add((a, b));
        }
        return pairs;
    }
}
