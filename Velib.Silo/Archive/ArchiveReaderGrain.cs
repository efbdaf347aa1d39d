using Orleans.Concurrency;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Options;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Silo.Archive;

/// <summary>Reads station history back from the archive's Parquet objects, scanning only the hours asked for.</summary>
[StatelessWorker]
internal sealed class ArchiveReaderGrain(S3ArchiveStore store, IOptions<ArchiveOptions> options) : Grain, IArchiveReaderGrain
{
    public async Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc)
    {
        var changes = new List<StationChange>();
        for (var day = fromUtc.Date; day < toUtc; day = day.AddDays(1))
        {
            foreach (var key in await store.ListAsync(ArchiveLayout.ChangesDayPrefix(options.Value.Prefix, day), CancellationToken.None))
            {
                if (HourOf(key, day) is { } hour && (hour.AddHours(1) <= fromUtc || hour >= toUtc))
                {
                    continue;
                }
                await using var parquet = await store.GetAsync(key, CancellationToken.None);
                changes.AddRange((await ParquetCodec.ReadAsync<ChangeRow>(parquet))
                    .Where(r => r.StationId == stationId)
                    .Select(r => r.ToChange())
                    .Where(c => c.ObservedUtc >= fromUtc && c.ObservedUtc < toUtc));
            }
        }
        return [.. changes.OrderBy(c => c.ObservedUtc)];
    }

    private static DateTime? HourOf(string key, DateTime day)
    {
        var at = key.IndexOf("/hour=", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(key.AsSpan(at + 6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            ? DateTime.SpecifyKind(day.AddHours(hour), DateTimeKind.Utc) : null;
    }
}
