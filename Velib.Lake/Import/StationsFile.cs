using Velib.Contracts.Systems;
using Velib.Contracts.Feed;

namespace Velib.Lake.Import;

/// <summary>
/// Reads a stations Parquet file (the shared history's <c>stations-*.parquet</c>: latest names, positions and
/// capacities) into the lake's <c>stations</c> rows, dated at the first time any of them was seen, so that a reader
/// of any moment of that history finds them.
/// </summary>
internal static class StationsFile
{
    public static readonly string[] Columns = ["station_id", "name", "lat", "lon", "capacity"];

    public static async Task<List<StationRow>> ReadAsync(ParquetInput input, Action<long> read, CancellationToken cancellationToken)
    {
        var idField = input.Field("station_id", typeof(long), typeof(int));
        var codeField = input.Has("station_code") ? input.Field("station_code", typeof(ReadOnlyMemory<char>), typeof(string)) : null;
        var nameField = input.Field("name", typeof(ReadOnlyMemory<char>), typeof(string));
        var latField = input.Field("lat", typeof(double));
        var lonField = input.Field("lon", typeof(double));
        var capacityField = input.Field("capacity", typeof(long), typeof(int));
        var firstSeenField = input.Has("first_seen") ? input.Field("first_seen", typeof(DateTime)) : null;
        var rows = new List<StationRow>();
        var seen = new HashSet<long>();
        var earliest = DateTime.MaxValue;
        long first = 0;
        for (var g = 0; g < input.Reader.RowGroupCount; g++)
        {
            var group = input.Reader.OpenRowGroupReader(g);
            var ids = await input.IntegersAsync(group, idField, first, cancellationToken);
            var codes = codeField is null ? null : await input.StringsAsync(group, codeField, first, cancellationToken);
            var names = await input.StringsAsync(group, nameField, first, cancellationToken);
            var lats = await input.ValuesAsync<double>(group, latField, first, cancellationToken);
            var lons = await input.ValuesAsync<double>(group, lonField, first, cancellationToken);
            var capacities = await input.IntegersAsync(group, capacityField, first, cancellationToken);
            var firstSeen = firstSeenField is null ? null : await input.ValuesAsync<DateTime>(group, firstSeenField, first, cancellationToken);
            for (var i = 0; i < ids.Length; i++)
            {
                var row = first + i + 1;
                var id = ids[i] ?? throw new ImportInputException(input.File, row, "'station_id' is null");
                if (!seen.Add(id)) throw new ImportInputException(input.File, row, $"station {id} appears twice");
                var capacity = capacities[i] ?? throw new ImportInputException(input.File, row, "'capacity' is null");
                if (capacity is < 0 or > 10_000) throw new ImportInputException(input.File, row, $"'capacity' is {capacity}: it must be 0 to 10000");
                if (firstSeen?[i] is { } f && f < earliest) earliest = DateTime.SpecifyKind(f, DateTimeKind.Utc);
                rows.Add(new StationRow
                {
                    System = SystemId.Velib.Value, StationId = id,
                    StationCode = codes?[i] ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Name = names[i] ?? throw new ImportInputException(input.File, row, "'name' is null"),
                    Lat = lats[i] ?? throw new ImportInputException(input.File, row, "'lat' is null"),
                    Lon = lons[i] ?? throw new ImportInputException(input.File, row, "'lon' is null"),
                    Capacity = (int)capacity,
                });
            }
            first += ids.Length;
            read(ids.Length);
        }
        if (earliest == DateTime.MaxValue) throw new ImportInputException(input.File, null, "no 'first_seen' column: the time these stations are valid from is unknown");
        foreach (var row in rows) row.ObservedAt = earliest;
        return rows;
    }
}
