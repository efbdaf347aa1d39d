using Velib.Contracts.Stations;
using System.Text.Json;

namespace Velib.Gbfs;

/// <summary>
/// Streaming GBFS parser (v1.0 with Vélib's quirks, v2.x, v3.0) over <see cref="Utf8JsonReader"/>: one pass,
/// no DOM, and no allocation per numeric field. Broken JSON rejects the document; a bad station record is skipped.
/// </summary>
public static class GbfsParser
{
    private delegate bool RecordReader<T>(ref Utf8JsonReader reader, out T record);

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Feed name → URL from gbfs.json. v1/v2 nest feeds per language (French preferred); v3 does not.</summary>
    public static IReadOnlyDictionary<string, string> ParseDiscovery(ReadOnlySpan<byte> json)
    {
        Dictionary<string, string>? chosen = null;
        var chosenIsFrench = false;
        Walk(json, "data", (ref Utf8JsonReader reader) =>
        {
            Expect(ref reader, JsonTokenType.StartObject, "data");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFeeds = reader.ValueTextEquals("feeds"u8);
                var isFrench = reader.GetString()!.StartsWith("fr", StringComparison.OrdinalIgnoreCase);
                reader.Read();
                if (isFeeds)
                {
                    chosen = ReadFeeds(ref reader);
                }
                else if (reader.TokenType == JsonTokenType.StartObject && (chosen is null || (isFrench && !chosenIsFrench)))
                {
                    chosen = ReadLanguage(ref reader) ?? chosen;
                    chosenIsFrench = isFrench;
                }
                else
                {
                    reader.Skip();
                }
            }
        }, out _);
        return chosen is { Count: > 0 } ? chosen : throw new FeedFormatException("gbfs.json lists no feeds");
    }

    public static GbfsDocument<StationInfo> ParseInformation(ReadOnlySpan<byte> json) =>
        ParseStations<StationInfo>(json, "station_information", StationRecordReaders.TryReadInformation, r => r.Id);

    public static GbfsDocument<StationStatusRecord> ParseStatus(ReadOnlySpan<byte> json, VehicleTypeTable types) =>
        ParseStations(json, "station_status",
            (ref Utf8JsonReader reader, out StationStatusRecord record) => StationRecordReaders.TryReadStatus(ref reader, types, out record),
            r => r.Id);

    public static VehicleTypeTable ParseVehicleTypes(ReadOnlySpan<byte> json)
    {
        var rows = new List<(string, string?)>();
        Walk(json, "data", (ref Utf8JsonReader reader) =>
        {
            Expect(ref reader, JsonTokenType.StartObject, "data");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTypes = reader.ValueTextEquals("vehicle_types"u8);
                reader.Read();
                if (!isTypes) { reader.Skip(); continue; }
                foreach (var (id, propulsion) in GbfsReader.ReadTextPairs(ref reader, "vehicle_type_id"u8, "propulsion_type"u8))
                {
                    if (id is not null) rows.Add((id, propulsion));
                }
            }
        }, out _);
        return VehicleTypeTable.From(rows);
    }

    private static GbfsDocument<T> ParseStations<T>(ReadOnlySpan<byte> json, string feed, RecordReader<T> readRecord, Func<T, long> idOf)
    {
        List<T>? stations = null;
        var skipped = 0;
        var header = Walk(json, "data", (ref Utf8JsonReader reader) =>
        {
            Expect(ref reader, JsonTokenType.StartObject, "data");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isStations = reader.ValueTextEquals("stations"u8);
                reader.Read();
                if (!isStations) { reader.Skip(); continue; }
                Expect(ref reader, JsonTokenType.StartArray, "data.stations");
                stations = new List<T>(2048);
                var seen = new HashSet<long>(2048);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && readRecord(ref reader, out var record) && seen.Add(idOf(record)))
                    {
                        stations.Add(record);
                    }
                    else
                    {
                        reader.Skip();
                        skipped++;
                    }
                }
            }
        }, out var sawData);
        if (!sawData || stations is null)
        {
            throw new FeedFormatException($"{feed}: no data.stations array");
        }
        if (stations.Count == 0)
        {
            throw new FeedFormatException($"{feed}: no valid station among {skipped} records");
        }
        return new GbfsDocument<T>(header, stations, skipped);
    }

    private delegate void DataReader(ref Utf8JsonReader reader);

    /// <summary>Reads the top-level object: the header fields, and hands the <paramref name="dataProperty"/> value to <paramref name="readData"/>.</summary>
    private static GbfsHeader Walk(ReadOnlySpan<byte> json, string dataProperty, DataReader readData, out bool sawData)
    {
        sawData = false;
        DateTime? lastUpdated = null;
        string? version = null;
        try
        {
            var reader = new Utf8JsonReader(json, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FeedFormatException("not a JSON object");
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(dataProperty))
                {
                    reader.Read();
                    readData(ref reader);
                    sawData = true;
                }
                else if (reader.ValueTextEquals("last_updated"u8) || reader.ValueTextEquals("lastUpdatedOther"u8))
                {
                    reader.Read();
                    // Vélib' sends only lastUpdatedOther; if both appear, the standard field wins.
                    if (GbfsReader.TryTimestamp(ref reader, out var ts) && (lastUpdated is null || ts > lastUpdated)) lastUpdated = ts;
                }
                else if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = GbfsReader.ReadText(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new FeedFormatException("unexpected content after the document");
            }
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"invalid JSON at byte {ex.BytePositionInLine} of line {ex.LineNumber}: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FeedFormatException($"unexpected JSON shape: {ex.Message}", ex);
        }
        return new GbfsHeader(lastUpdated, version);
    }

    private static Dictionary<string, string>? ReadLanguage(ref Utf8JsonReader reader)
    {
        Dictionary<string, string>? feeds = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isFeeds = reader.ValueTextEquals("feeds"u8);
            reader.Read();
            if (isFeeds) feeds = ReadFeeds(ref reader);
            else reader.Skip();
        }
        return feeds;
    }

    private static Dictionary<string, string> ReadFeeds(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartArray, "feeds");
        var feeds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, url) in GbfsReader.ReadTextPairs(ref reader, "name"u8, "url"u8))
        {
            if (name is not null && url is not null) feeds[name] = url;
        }
        return feeds;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            throw new FeedFormatException($"{what}: expected {type}, found {reader.TokenType}");
        }
    }
}
