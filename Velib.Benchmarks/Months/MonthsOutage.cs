using Velib.Contracts.Systems;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;

namespace Velib.Benchmarks.Months;

/// <summary>
/// A long S3 outage at Paris rates: an hour of normal archiving, then S3 killed for <c>hours</c> of feed time while
/// the real grains poll every minute into Velib.Store (as the AppHost runs it) and the archive grain tries its hourly
/// flush, then S3 back. It reports what the spool held (bytes per change in the store, and the AOF's growth), how
/// long the catch-up took, and checks the lake: every change of the outage there exactly once.
/// </summary>
internal static class MonthsOutage
{
    private const double MiB = 1 << 20;
    private static readonly DateTimeOffset From = new(2026, 11, 2, 6, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int hours, TimeSpan poll)
    {
        await using var rig = await MonthsRig.StartAsync("velib-outage-", From);
        var (s3, store, time) = (rig.S3, rig.Store, rig.Time);
        await using var cluster = await rig.StartSiloAsync();
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var archive = cluster.Client.GetGrain<IArchiveGrain>(SystemId.Velib.Value);
        var perHour = (int)(TimeSpan.FromHours(1) / poll);

        var changesBefore = await PollAsync(ingestion, time, poll, perHour);
        var before = await archive.Flush();
        if (before.Error is { } e) throw new InvalidOperationException($"the flush before the outage failed: {e}");
        if ((await archive.GetStatus()).PendingChanges != 0) throw new InvalidOperationException("changes still pending before the outage");

        await s3.StopAsync();
        var outageStart = time.GetUtcNow().UtcDateTime;
        var (aofBefore, _) = await store.AofAsync();
        long changes = 0;
        var refused = 0;
        var clock = Stopwatch.StartNew();
        for (var h = 1; h <= hours; h++)
        {
            changes += await PollAsync(ingestion, time, poll, perHour);
            if ((await archive.Flush()).Error is not null) refused++;
            if (h % 6 == 0) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hour {h,3}: {changes,9:N0} changes spooled, {clock.Elapsed.TotalSeconds,5:N0} s"));
        }
        var outageEnd = time.GetUtcNow().UtcDateTime;
        var (aofAfter, _) = await store.AofAsync();
        var pending = (await archive.GetStatus()).PendingChanges;
        var spool = await SpoolBytesAsync(store.Database);
        var rss = store.ResidentBytes();

        await s3.RestartAsync();
        clock.Restart();
        long uploaded = 0;
        var flushes = 0;
        while ((await archive.GetStatus()).PendingChanges > 0 && flushes < 100)
        {
            var flush = await archive.Flush();
            uploaded += flush.Rows;
            flushes++;
        }
        var catchUp = clock.Elapsed;
        // Every change polled, before the outage and during it, against every row in the lake.
        var (rows, distinct) = await LakeRowsAsync(s3.Store(), From.UtcDateTime, outageEnd);
        var polled = changesBefore + changes;

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S3 down for {hours} h of feed time ({outageStart:yyyy-MM-dd HH:mm} to {outageEnd:HH:mm} UTC), a poll every {poll.TotalSeconds:0} s: {changes:N0} changes, {refused} of {hours} flushes refused"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"spool at the end: {pending:N0} changes pending, {spool / MiB:N1} MiB of spooled values ({(double)spool / Math.Max(1, pending):N1} B per change), "
            + $"AOF +{(aofAfter - aofBefore) / MiB:N1} MiB ({(double)(aofAfter - aofBefore) / Math.Max(1, changes):N0} B per change), store RSS {rss / MiB:N0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"S3 back: {uploaded:N0} rows uploaded in {flushes} flushes, {catchUp.TotalSeconds:N1} s; the lake holds {rows:N0} rows, {distinct:N0} distinct (station, time), for {polled:N0} changes polled (the {changesBefore:N0} of the hour before included)"));
        var once = rows == polled && distinct == rows;
        Console.WriteLine(once ? "exactly once: PASSED" : "exactly once: FAILED");
        Directory.Delete(rig.Data, recursive: true);
        if (!once) Environment.ExitCode = 1;
    }

    private static async Task<long> PollAsync(IFeedIngestionGrain ingestion, FakeTimeProvider time, TimeSpan poll, int polls)
    {
        long changes = 0;
        for (var i = 0; i < polls; i++)
        {
            time.Advance(poll);
            changes += await ingestion.Poll();
        }
        var status = await ingestion.GetStatus();
        if (status.ConsecutiveFailures > 0) throw new InvalidOperationException($"polling failed: {status.LastError}");
        return changes;
    }

    /// <summary>The bytes of every value the spool holds: the open list and the sealed batches' lists.</summary>
    private static async Task<long> SpoolBytesAsync(IDatabase db)
    {
        var prefix = $"velib:{{{SystemId.Velib.Value}}}:spool:";
        var batches = await db.ListRangeAsync(prefix + "batches");
        long bytes = 0;
        foreach (var key in batches.Select(b => prefix + "batch:" + b).Append(prefix + "open"))
        {
            foreach (var value in await db.ListRangeAsync(key)) bytes += ((byte[])value!).Length;
        }
        return bytes;
    }

    /// <summary>Change rows in the lake observed in [from, to], and how many distinct (station, observed) pairs.</summary>
    private static async Task<(long Rows, long Distinct)> LakeRowsAsync(S3ArchiveStore lake, DateTime from, DateTime to)
    {
        var seen = new HashSet<(long, DateTime)>();
        long rows = 0;
        for (var day = from.Date; day <= to.Date; day = day.AddDays(1))
        {
            foreach (var key in await lake.ListAsync(ArchiveLayout.ChangesDayPrefix(new Velib.Silo.Archive.ArchiveOptions().Prefix, day), CancellationToken.None))
            {
                await using var body = await lake.GetAsync(key, CancellationToken.None);
                foreach (var row in await ParquetCodec.ReadAsync<ChangeRow>(body))
                {
                    if (row.ObservedAt < from || row.ObservedAt > to) continue;
                    rows++;
                    seen.Add((row.StationId, row.ObservedAt));
                }
            }
        }
        return (rows, seen.Count);
    }
}
