using System.Diagnostics;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Ingestion;

/// <summary>
/// One feed source's ingest cycle, a step and a span at a time: fetch, parse (and diff), spool (and checkpoint),
/// fan-out to the station grains, snapshot (and publish). A step that throws ends the cycle before anything after it
/// is acknowledged; the ingestion grain, which runs the pipeline, sorts the failure. A mode switch starts a new one.
/// </summary>
internal sealed class IngestPipeline(string system, IFeedSource source, NetworkState network, NetworkPublisher publisher,
    FeedCatalog catalog, FeedHealth health, IGrainFactory grains, int fanOutConcurrency, FeedMetrics metrics, ILogger logger)
{
    private DateTime? _checkpointHour;

    private IArchiveGrain Archive => grains.GetGrain<IArchiveGrain>(system);

    /// <summary>Runs one cycle, observed at <paramref name="observedUtc"/>, under its root span. Returns the stations that changed.</summary>
    public async Task<int> RunAsync(DateTime observedUtc, Activity? cycle, long started)
    {
        cycle?.SetTag("velib.feed.simulated", source.Simulated).SetTag("velib.feed.url", source.Url);
        var documents = await FetchAsync(observedUtc);
        var work = Parse(documents, observedUtc);
        await SpoolAsync(work, observedUtc);
        await FanOutAsync(work, observedUtc);
        await SnapshotAsync(work, observedUtc);
        return Completed(work, observedUtc, cycle, started);
    }

    private async Task<FeedDocuments> FetchAsync(DateTime observedUtc)
    {
        using var _ = VelibActivity.Source.StartActivity("fetch");
        return await source.FetchAsync(catalog.IsDue(observedUtc), CancellationToken.None);
    }

    private IngestCycle Parse(FeedDocuments documents, DateTime observedUtc)
    {
        using var parse = VelibActivity.Source.StartActivity("parse");
        var work = IngestCycle.Run(catalog, documents, network.ById, observedUtc);
        parse?.SetTag("velib.stations", work.Parsed.Stations.Count).SetTag("velib.skipped", work.Parsed.Skipped);
        return work;
    }

    private async Task SpoolAsync(IngestCycle work, DateTime observedUtc)
    {
        using var spool = VelibActivity.Source.StartActivity("spool");
        // Durable before anything moves on; a re-run after a lost silo appends nothing twice.
        var appended = await Archive.Append(work.Changes);
        if (catalog.InformationChanged(work.Parsed) is { } information)
        {
            await Archive.AppendStations([.. information], observedUtc);
        }
        if (_checkpointHour != ArchiveLayout.HourOf(observedUtc))
        {
            await CheckpointAsync(work, observedUtc);
            spool?.SetTag("velib.archive.checkpoint", true);
        }
        spool?.SetTag("velib.changes", work.Changes.Length).SetTag("velib.archive.appended", appended);
    }

    /// <summary>
    /// The first cycle of each hour (and of each activation) writes the full state, so that the state at any time is
    /// one checkpoint plus at most an hour of changes.
    /// </summary>
    private async Task CheckpointAsync(IngestCycle work, DateTime observedUtc)
    {
        var feedUpdated = work.Parsed.FeedUpdatedUtc ?? observedUtc;
        await Archive.AppendCheckpoint([.. work.Diff.Stations.Select(s => StationChange.Of(s, s.LastChangeUtc ?? observedUtc, feedUpdated))], observedUtc);
        _checkpointHour = ArchiveLayout.HourOf(observedUtc);
    }

    private async Task FanOutAsync(IngestCycle work, DateTime observedUtc)
    {
        using var fanOut = VelibActivity.Source.StartActivity("fan-out");
        var feedUpdatedUtc = work.Parsed.FeedUpdatedUtc ?? observedUtc;
        var applied = await StationFanOut.ApplyAsync(grains, work.Diff.ForGrains, fanOutConcurrency, observedUtc, feedUpdatedUtc);
        Trace(fanOut, applied, work.Changes.Length);
        applied.ThrowIfFailed();
    }

    /// <summary>The fan-out as one span: its counts, and an event for each slow or failed call worth naming.</summary>
    private static void Trace(Activity? fanOut, StationFanOut.Result applied, int changes)
    {
        if (fanOut is null) return;
        fanOut.SetTag("velib.fanout.grains", applied.Calls).SetTag("velib.fanout.changes", changes)
            .SetTag("velib.fanout.failures", applied.Failed).SetTag("velib.fanout.slowest_ms", Math.Round(applied.SlowestMs, 1));
        foreach (var call in applied.Notable)
        {
            fanOut.AddEvent(new ActivityEvent(call.Error is null ? "slow station call" : "failed station call", tags: new ActivityTagsCollection
            {
                ["velib.station.id"] = call.StationId, ["velib.duration_ms"] = Math.Round(call.Milliseconds, 1), ["error.message"] = call.Error,
            }));
        }
    }

    private async Task SnapshotAsync(IngestCycle work, DateTime observedUtc)
    {
        using var _ = VelibActivity.Source.StartActivity("snapshot");
        catalog.Commit(work.Parsed);
        await publisher.PublishAsync(work.Diff, observedUtc, work.Parsed.FeedUpdatedUtc);
    }

    private int Completed(IngestCycle work, DateTime observedUtc, Activity? cycle, long started)
    {
        var changes = work.Changes.Length;
        health.Succeeded(observedUtc, work.Parsed.FeedUpdatedUtc, !work.Diff.IsEmpty, changes, work.Parsed.Skipped);
        metrics.RecordsSkipped(work.Parsed.Skipped);
        if (work.Parsed.Skipped > 0) FeedLog.RecordsSkipped(logger, system, work.Parsed.Skipped);
        cycle?.SetTag("velib.changes", changes).SetTag("velib.snapshot.version", network.Snapshot.Version);
        FeedLog.CycleCompleted(logger, system, network.Snapshot.Version, Stopwatch.GetElapsedTime(started).TotalMilliseconds, changes, source.Simulated);
        return changes;
    }
}
