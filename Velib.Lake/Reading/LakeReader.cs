using System.Collections.Immutable;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Lake.Reading;

/// <summary>
/// Answers "the network at T" and "totals from A to B" from the lake: the latest checkpoint at or before the time,
/// then the changes after it, reading only the partitions of those hours. The spool's rows (not yet flushed) are
/// read too, so a recent time gets the same answer before and after the flush; a reader of S3 alone (tests of the
/// importer, benchmarks) passes no spool.
/// </summary>
public sealed class LakeReader(LakeIndex index, LakeObjectCache objects, IPendingRows? spool, string prefix, TimeProvider clock)
{
    private static readonly Task<SpoolContents> NothingPending = Task.FromResult(new SpoolContents([], [], []));

    public async Task<ArchiveRange> RangeAsync()
    {
        var pending = await PendingAsync();
        var first = await FirstInS3Async();
        foreach (var c in pending.Checkpoints)
        {
            if (first is null || c.AtUtc < first) first = c.AtUtc;
        }
        return new ArchiveRange(first, clock.GetUtcNow().UtcDateTime);
    }

    public Task<ImmutableArray<Station>> NetworkAtAsync(DateTime atUtc) => Retrying(async () =>
    {
        var pending = await PendingAsync();
        var checkpoint = await CheckpointAtAsync(atUtc, pending);
        var replay = new NetworkReplay(checkpoint.Rows);
        foreach (var c in await ChangesAsync(checkpoint.AtUtc, atUtc, pending)) replay.Apply(c);
        return replay.ToStations(await InformationAtAsync(atUtc, pending));
    });

    public Task<ImmutableArray<TimelinePoint>> TimelineAsync(DateTime fromUtc, DateTime toUtc, TimeSpan step) => Retrying(async () =>
    {
        var pending = await PendingAsync();
        var checkpoint = await CheckpointAtAsync(fromUtc, pending);
        var replay = new NetworkReplay(checkpoint.Rows);
        return replay.Timeline(await ChangesAsync(checkpoint.AtUtc, toUtc, pending), fromUtc, toUtc, step);
    });

    /// <summary>Changes observed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], oldest first; a row may appear twice (spool and S3).</summary>
    public Task<List<StationChange>> ChangesAsync(DateTime fromUtc, DateTime toUtc) =>
        Retrying(async () => await ChangesAsync(fromUtc, toUtc, await PendingAsync()));

    private async Task<List<StationChange>> ChangesAsync(DateTime fromUtc, DateTime toUtc, SpoolContents pending)
    {
        var listed = new List<LakeObject>();
        for (var day = fromUtc.Date; day <= toUtc; day = day.AddDays(1))
        {
            // Hourly before daily: a compaction writes the daily object before it deletes the hourly ones, so in this
            // order a day is always seen whole (at worst twice, which replay tolerates).
            var hourly = await index.ObjectsAsync(ArchiveLayout.ChangesDayPrefix(prefix, day));
            var daily = await index.ObjectsAsync(ArchiveLayout.DailyChangesDayPrefix(prefix, day));
            listed.AddRange(hourly.Where(o => ArchiveLayout.HourOfKey(o.Key) is { } h && h.AddHours(1) > fromUtc && h <= toUtc));
            listed.AddRange(daily);
        }
        var rows = await Task.WhenAll(listed.Select(async o => await objects.ChangesAsync(o) ?? throw new KeyNotFoundException(o.Key)));
        return
        [
            .. rows.SelectMany(r => r).Concat(pending.Changes)
                .Where(c => c.ObservedUtc >= fromUtc && c.ObservedUtc <= toUtc)
                .OrderBy(c => c.ObservedUtc),
        ];
    }

    private async Task<Checkpoint> CheckpointAtAsync(DateTime atUtc, SpoolContents pending)
    {
        var best = pending.Checkpoints.Where(c => c.AtUtc <= atUtc).MaxBy(c => c.AtUtc);
        var first = await FirstInS3Async();
        for (var day = atUtc.Date; first is not null && day >= first.Value.Date && (best is null || day >= best.AtUtc.Date); day = day.AddDays(-1))
        {
            var found = (await index.ObjectsAsync(ArchiveLayout.CheckpointsDayPrefix(prefix, day)))
                .Select(o => (Object: o, At: ArchiveLayout.StampOfKey(o.Key))).Where(k => k.At <= atUtc).OrderByDescending(k => k.At).FirstOrDefault();
            if (found.At is not { } at) continue;
            if (best is null || at > best.AtUtc)
            {
                best = new Checkpoint(at, await objects.ChangesAsync(found.Object!) ?? throw new KeyNotFoundException(found.Object!.Key));
            }
            break;
        }
        return best ?? throw new ArgumentOutOfRangeException(nameof(atUtc), atUtc, (await RangeAsync()).Describe());
    }

    private async Task<Dictionary<long, StationRow>> InformationAtAsync(DateTime atUtc, SpoolContents pending)
    {
        var listed = (await index.ObjectsAsync(prefix + "stations/")).Select(o => (Object: o, At: ArchiveLayout.StampOfKey(o.Key) ?? DateTime.MaxValue)).ToList();
        var inS3 = listed.Where(k => k.At <= atUtc).OrderByDescending(k => k.At).FirstOrDefault();
        var spooled = pending.Stations.GroupBy(r => DateTime.SpecifyKind(r.ObservedAt, DateTimeKind.Utc)).Where(g => g.Key <= atUtc).MaxBy(g => g.Key);
        if (spooled is not null && (inS3.Object is null || spooled.Key > inS3.At)) return spooled.ToDictionary(r => r.StationId);
        // Before the first list (it is written with the first checkpoint): the earliest one.
        var list = inS3.Object ?? listed.OrderBy(k => k.At).FirstOrDefault().Object;
        if (list is null) return pending.Stations.GroupBy(r => r.ObservedAt).MinBy(g => g.Key)?.ToDictionary(r => r.StationId) ?? [];
        return (await objects.StationsAsync(list) ?? throw new KeyNotFoundException(list.Key)).ToDictionary(r => r.StationId);
    }

    /// <summary>The first checkpoint in S3; the index keeps it only as long as a listing, so imported older history shows up without a restart.</summary>
    private async Task<DateTime?> FirstInS3Async() =>
        await index.FirstKeyAsync(prefix + "checkpoints/") is { } key ? ArchiveLayout.StampOfKey(key) : null;

    /// <summary>A listed object can vanish under a compaction: then list again, once.</summary>
    private async Task<T> Retrying<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (KeyNotFoundException)
        {
            index.Invalidate();
            return await read();
        }
    }

    private Task<SpoolContents> PendingAsync() => spool?.ContentsAsync() ?? NothingPending;
}
