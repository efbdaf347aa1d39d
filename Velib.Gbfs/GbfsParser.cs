using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Velib.Contracts.Stations;
using Velib.Gbfs.Json;

namespace Velib.Gbfs;

/// <summary>
/// GBFS (v1.0 with Vélib's quirks, v2.x, v3.0) on System.Text.Json's source generator: DTOs in the shapes of every
/// version (<c>Json/</c>), a few lenient converters (0/1 flags, epoch or RFC 3339 times, string or number ids,
/// localized text) and an array converter that skips a bad record, then a mapping that checks each record. Broken JSON
/// rejects the document; a bad station record is skipped and counted. It replaced a hand-written
/// <see cref="Utf8JsonReader"/> parser (issue 19: the simpler one is kept unless more than 2× slower): 1.82× its time
/// and 9.3× its allocations on the real status file (see docs/benchmarks.md).
/// </summary>
public static class GbfsParser
{
    public static IReadOnlyDictionary<string, string> ParseDiscovery(ReadOnlySpan<byte> json)
    {
        var data = Data(json, GbfsJsonContext.Default.GbfsFeedDiscoveryData, "gbfs.json").Data;
        var feeds = data.Feeds;
        var languages = (data.Languages ?? []).Where(l => l.Value.ValueKind == JsonValueKind.Object).ToList();
        // v1/v2: French preferred, else the first language.
        var language = languages.FirstOrDefault(l => l.Key.StartsWith("fr", StringComparison.OrdinalIgnoreCase));
        if (feeds is null && (language.Key is not null || languages.Count > 0))
        {
            var element = (language.Key is not null ? language : languages[0]).Value;
            feeds = Convert(() => element.Deserialize(GbfsJsonContext.Default.LanguageDto))?.Feeds;
        }
        var named = (feeds ?? []).Where(f => f.Name is not null && f.Url is not null).DistinctBy(f => f.Name).ToDictionary(f => f.Name!, f => f.Url!, StringComparer.Ordinal);
        return named.Count > 0 ? named : throw new FeedFormatException("gbfs.json lists no feeds");
    }

    public static GbfsDocument<StationInfo> ParseInformation(ReadOnlySpan<byte> json)
    {
        var (header, data) = Data(json, GbfsJsonContext.Default.GbfsFeedInformationData, "station_information");
        return Stations<InformationDto, StationInfo>("station_information", header, data.Stations, StationMapping.TryMap, s => s.Id);
    }

    public static GbfsDocument<StationStatusRecord> ParseStatus(ReadOnlySpan<byte> json, VehicleTypeTable types)
    {
        var (header, data) = Data(json, GbfsJsonContext.Default.GbfsFeedStatusData, "station_status");
        return Stations("station_status", header, data.Stations,
            (StatusDto dto, out StationStatusRecord record) => StationMapping.TryMap(dto, types, out record), s => s.Id);
    }

    public static VehicleTypeTable ParseVehicleTypes(ReadOnlySpan<byte> json)
    {
        var (_, data) = Data(json, GbfsJsonContext.Default.GbfsFeedVehicleTypesData, "vehicle_types");
        return VehicleTypeTable.From((data.VehicleTypes ?? []).Where(t => t?.Id is not null).Select(t => (t!.Id!, t.Propulsion)));
    }

    private delegate bool Mapping<in TDto, TRecord>(TDto dto, out TRecord record);

    private static GbfsDocument<TRecord> Stations<TDto, TRecord>(string feed, GbfsHeader header, List<TDto?>? dtos, Mapping<TDto, TRecord> map, Func<TRecord, long> idOf)
        where TDto : class
    {
        if (dtos is null) throw new FeedFormatException($"{feed}: no data.stations array");
        var stations = new List<TRecord>(dtos.Count);
        var seen = new HashSet<long>(dtos.Count);
        foreach (var dto in dtos)
        {
            if (dto is not null && map(dto, out var record) && seen.Add(idOf(record))) stations.Add(record);
        }
        return stations.Count > 0
            ? new GbfsDocument<TRecord>(header, stations, dtos.Count - stations.Count)
            : throw new FeedFormatException($"{feed}: no valid station among {dtos.Count} records");
    }

    private static (GbfsHeader Header, TData Data) Data<TData>(ReadOnlySpan<byte> json, JsonTypeInfo<GbfsFeed<TData>> info, string feed) where TData : class
    {
        GbfsFeed<TData>? document;
        try
        {
            document = JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"invalid JSON at byte {ex.BytePositionInLine} of line {ex.LineNumber}: {ex.Message}", ex);
        }
        return document?.Data is { } data ? (document.Header, data) : throw new FeedFormatException($"{feed}: no data object");
    }

    private static T? Convert<T>(Func<T?> read)
    {
        try
        {
            return read();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
