using System.Collections.Immutable;
using Orleans.Concurrency;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Lake;

namespace Velib.Silo.Archive;

/// <summary>
/// Reads the lake back. Stateless and reentrant: a slow S3 read for one request never holds up another, and the
/// silo's shared <see cref="LakeReader"/> caches what every activation has read.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class ArchiveReaderGrain(LakeReader lake) : Grain, IArchiveReaderGrain
{
    public Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc) => Read(async () =>
        (await lake.ChangesAsync(fromUtc, toUtc)).Where(c => c.StationId == stationId && c.ObservedUtc < toUtc)
            .DistinctBy(c => c.ObservedUtc).ToImmutableArray());

    public Task<ArchiveRange> GetRange() => Read(lake.RangeAsync);

    public Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc) => Read(() => lake.NetworkAtAsync(atUtc));

    public Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step) =>
        Read(() => lake.TimelineAsync(fromUtc, toUtc, step));

    private static Task<T> Read<T>(Func<Task<T>> work) => WireSafe.Run("The archive could not be read", work);
}
