using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Gbfs;

namespace Velib.Lake.Import;

/// <summary>
/// A folder (and its subfolders) of GBFS feed files, of any version: each <c>station_status*.json</c> is one snapshot
/// observed at its own <c>last_updated</c>, each <c>station_information*.json</c> a stations list at its own, and the
/// last <c>vehicle_types*.json</c> by name says which vehicle types are electric (GBFS 2.1+). They are read with the
/// silo's own reader, so a file means here what it would mean polled live. A file that cannot be used whole (broken or
/// truncated JSON, no valid station, no <c>last_updated</c>) is skipped, as live ingestion skips a bad poll, and
/// reported; a bad record inside a good file is skipped and counted, as live.
/// </summary>
internal static class GbfsFolder
{
    public static string[] Files(string folder, string feed) =>
        [.. Directory.EnumerateFiles(folder, feed + "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    public static int CountFiles(string folder) => Files(folder, "station_status").Length + Files(folder, "station_information").Length;

    public static async Task<GbfsFolderContents> ReadAsync(string folder, Action<long> read, CancellationToken cancellationToken)
    {
        List<ImportInputException> skipped = [];
        var types = VehicleTypeTable.Empty;
        foreach (var file in Files(folder, "vehicle_types"))
        {
            types = await TryParseAsync(file, b => GbfsParser.ParseVehicleTypes(b), skipped, cancellationToken) ?? types;
        }
        var information = await SnapshotsAsync(Files(folder, "station_information"), b => GbfsParser.ParseInformation(b), skipped, read, cancellationToken);
        var status = await SnapshotsAsync(Files(folder, "station_status"), b => GbfsParser.ParseStatus(b, types), skipped, read, cancellationToken);
        if (information.Count + status.Count == 0 && skipped.Count == 0)
        {
            throw new ImportInputException(folder, null, "holds no station_status*.json or station_information*.json file");
        }
        return new GbfsFolderContents(Observations(status, information), Stations(information), skipped,
            status.Sum(s => s.Document.Skipped) + information.Sum(i => i.Document.Skipped));
    }

    /// <summary>The usable documents in time order; of files with the same <c>last_updated</c> (one snapshot served twice), the first by name.</summary>
    private static async Task<List<(DateTime At, GbfsDocument<T> Document)>> SnapshotsAsync<T>(string[] files, Func<byte[], GbfsDocument<T>> parse,
        List<ImportInputException> skipped, Action<long> read, CancellationToken cancellationToken)
    {
        List<(DateTime At, GbfsDocument<T> Document)> documents = [];
        foreach (var file in files)
        {
            if (await TryParseAsync(file, parse, skipped, cancellationToken) is { } document)
            {
                if (document.Header.LastUpdatedUtc is { } at) documents.Add((LakeTime(at), document));
                else skipped.Add(new ImportInputException(file, null, "has no last_updated (nor lastUpdatedOther), so the time it was observed is unknown; skipped"));
            }
            read(1);
        }
        return [.. documents.OrderBy(d => d.At).DistinctBy(d => d.At)];
    }

    private static async Task<T?> TryParseAsync<T>(string file, Func<byte[], T> parse, List<ImportInputException> skipped, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return parse(await File.ReadAllBytesAsync(file, cancellationToken));
        }
        catch (FeedFormatException ex)
        {
            skipped.Add(new ImportInputException(file, null, $"not a usable GBFS document ({ex.Message}); skipped"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            skipped.Add(new ImportInputException(file, null, $"cannot be read ({ex.Message}); skipped"));
        }
        return null;
    }

    /// <summary>Each status snapshot's stations, coded as the station_information in effect then (the latest before it, else the first) codes them.</summary>
    private static List<Observation> Observations(List<(DateTime At, GbfsDocument<StationStatusRecord> Document)> status,
        List<(DateTime At, GbfsDocument<StationInfo> Document)> information)
    {
        List<Observation> rows = new(status.Sum(s => s.Document.Stations.Count));
        var codes = new Dictionary<long, string>();
        var next = 0;
        if (information.Count > 0) Learn(codes, information[next++].Document);
        foreach (var (at, document) in status)
        {
            while (next < information.Count && information[next].At <= at) Learn(codes, information[next++].Document);
            foreach (var s in document.Stations)
            {
                // Unknown to station_information: coded by its id, as live ingestion codes it.
                var code = codes.GetValueOrDefault(s.Id) ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(new Observation(s.Id, code, at, s.Mechanical, s.Ebike, s.Docks, s.Installed, s.Renting, s.Returning,
                    s.LastReportedUtc is { } reported ? LakeTime(reported) : null));
            }
        }
        return rows;
    }

    private static void Learn(Dictionary<long, string> codes, GbfsDocument<StationInfo> information)
    {
        foreach (var station in information.Stations) codes[station.Id] = station.Code;
    }

    /// <summary>A stations list for each station_information that differs from the one before it, as live ingestion archives them.</summary>
    private static List<StationRow> Stations(List<(DateTime At, GbfsDocument<StationInfo> Document)> information)
    {
        List<StationRow> rows = [];
        List<StationInfo>? previous = null;
        foreach (var (at, document) in information)
        {
            var stations = document.Stations.OrderBy(s => s.Id).ToList();
            if (previous is not null && previous.SequenceEqual(stations)) continue;
            previous = stations;
            rows.AddRange(stations.Select(s => new StationRow
            {
                System = SystemId.Velib.Value, StationId = s.Id, StationCode = s.Code, Name = s.Name, Lat = s.Lat, Lon = s.Lon, Capacity = s.Capacity, ObservedAt = at,
            }));
        }
        return rows;
    }

    /// <summary>UTC at the lake's resolution (milliseconds), as the Parquet path keeps it.</summary>
    private static DateTime LakeTime(DateTime value) => new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
