namespace Velib.Lake.Import;

/// <summary>
/// Reads a status Parquet file (the columns of the shared history's <c>status-*.parquet</c>) into observations,
/// refusing it whole at the first bad row: a missing or null value, a negative count, a time earlier than the row
/// before it, or a station twice in one snapshot.
/// </summary>
internal static class StatusFile
{
    public static readonly string[] Columns = ["observed_at", "station_id", "mechanical", "ebike", "docks", "installed", "renting", "returning"];

    public static async Task<List<Observation>> ReadAsync(ParquetInput input, Action<long> read, CancellationToken cancellationToken)
    {
        var observedField = input.Field("observed_at", typeof(DateTime));
        var idField = input.Field("station_id", typeof(long), typeof(int));
        var codeField = input.Has("station_code") ? input.Field("station_code", typeof(ReadOnlyMemory<char>), typeof(string)) : null;
        var mechanicalField = input.Field("mechanical", typeof(long), typeof(int));
        var ebikeField = input.Field("ebike", typeof(long), typeof(int));
        var docksField = input.Field("docks", typeof(long), typeof(int));
        var installedField = input.Field("installed", typeof(bool));
        var rentingField = input.Field("renting", typeof(bool));
        var returningField = input.Field("returning", typeof(bool));
        var reportedField = input.Has("last_reported") ? input.Field("last_reported", typeof(DateTime)) : null;
        var rows = new List<Observation>((int)Math.Min(input.RowCount, int.MaxValue));
        var codes = new Dictionary<string, string>();
        var inSnapshot = new HashSet<long>();
        var previous = DateTime.MinValue;
        long first = 0;
        for (var g = 0; g < input.Reader.RowGroupCount; g++)
        {
            var group = input.Reader.OpenRowGroupReader(g);
            var observed = await input.ValuesAsync<DateTime>(group, observedField, first, cancellationToken);
            var ids = await input.IntegersAsync(group, idField, first, cancellationToken);
            var code = codeField is null ? null : await input.StringsAsync(group, codeField, first, cancellationToken);
            var mechanical = await input.IntegersAsync(group, mechanicalField, first, cancellationToken);
            var ebike = await input.IntegersAsync(group, ebikeField, first, cancellationToken);
            var docks = await input.IntegersAsync(group, docksField, first, cancellationToken);
            var installed = await input.ValuesAsync<bool>(group, installedField, first, cancellationToken);
            var renting = await input.ValuesAsync<bool>(group, rentingField, first, cancellationToken);
            var returning = await input.ValuesAsync<bool>(group, returningField, first, cancellationToken);
            var reported = reportedField is null ? null : await input.ValuesAsync<DateTime>(group, reportedField, first, cancellationToken);
            for (var i = 0; i < observed.Length; i++)
            {
                var row = first + i + 1;
                var at = ToLakeTime(Required(input, row, "observed_at", observed[i]));
                var id = Required(input, row, "station_id", ids[i]);
                if (at < previous) throw new ImportInputException(input.File, row, $"observed_at {at:O} is before the previous row's {previous:O}: rows must be in time order");
                if (at != previous) inSnapshot.Clear();
                if (!inSnapshot.Add(id)) throw new ImportInputException(input.File, row, $"station {id} appears twice in the snapshot of {at:O}");
                previous = at;
                var text = code?[i] ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!codes.TryGetValue(text, out var shared)) codes[text] = shared = text;
                rows.Add(new Observation(id, shared, at,
                    Count(input, row, "mechanical", mechanical[i]), Count(input, row, "ebike", ebike[i]), Count(input, row, "docks", docks[i]),
                    Required(input, row, "installed", installed[i]), Required(input, row, "renting", renting[i]), Required(input, row, "returning", returning[i]),
                    reported?[i] is { } r ? ToLakeTime(r) : null));
            }
            first += observed.Length;
            read(observed.Length);
        }
        return rows;
    }

    /// <summary>UTC at the lake's resolution (milliseconds), so a row read back has the key it was written with.</summary>
    private static DateTime ToLakeTime(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    private static T Required<T>(ParquetInput input, long row, string column, T? value) where T : struct =>
        value ?? throw new ImportInputException(input.File, row, $"'{column}' is null");

    private static int Count(ParquetInput input, long row, string column, long? value)
    {
        var count = Required(input, row, column, value);
        if (count is < 0 or > 10_000) throw new ImportInputException(input.File, row, $"'{column}' is {count}: a count must be 0 to 10000");
        return (int)count;
    }
}
