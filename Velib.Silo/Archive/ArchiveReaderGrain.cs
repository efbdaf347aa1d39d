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
    public Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc) => Plain(async () =>
        (await lake.ChangesAsync(fromUtc, toUtc)).Where(c => c.StationId == stationId && c.ObservedUtc < toUtc)
            .DistinctBy(c => c.ObservedUtc).ToImmutableArray());

    public Task<ArchiveRange> GetRange() => Plain(lake.RangeAsync);

    public Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc) => Plain(() => lake.NetworkAtAsync(atUtc));

    public Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step) =>
        Plain(() => lake.TimelineAsync(fromUtc, toUtc, step));

    /// <summary>S3 and store exceptions do not cross the wire (no codec): callers get their message in one that does.</summary>
    private static async Task<T> Plain<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or StackExchange.Redis.RedisException or HttpRequestException)
        {
            throw new InvalidOperationException($"The archive could not be read: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
