using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using StackExchange.Redis;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Stations;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Ingestion;

/// <summary>
/// One per GBFS system: polls, diffs, fans out to station grains and keeps the snapshot. It never touches S3: a
/// cycle's changes go to the archive grain's spool. A reminder keeps it alive (and brings it back on another
/// silo); a grain timer polls at <see cref="FeedOptions.PollInterval"/>, since reminders fire at most once a minute.
/// </summary>
internal sealed class FeedIngestionGrain(
    [PersistentState("network")] IPersistentState<IngestionState> saved,
    FeedSourceFactory sources, IOptions<FeedOptions> options, FeedClock clock, FeedMetrics metrics, RecentChanges recent,
    ILocalSiloDetails silo, IngestionLease lease, ILogger<FeedIngestionGrain> logger) : Grain, IFeedIngestionGrain, IRemindable
{
    private const string KeepAliveReminder = "velib.ingest";
    private readonly ObserverManager<INetworkObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private readonly FeedCatalog _catalog = new(options.Value.InformationRefresh);
    private readonly FeedHealth _health = new(options.Value.PollInterval);
    private IFeedSource? _source;
    private NetworkState? _network;
    private IGrainTimer? _timer;
    private DateTime? _checkpointHour;
    private DateTime? _savedUtc;
    private bool _unsaved;
    private NetworkState? _savedView;
    private long? _epoch;

    private string System => this.GetPrimaryKeyString();

    private IArchiveGrain Archive => GrainFactory.GetGrain<IArchiveGrain>(System);

    private bool Simulated => _source?.Simulated ?? options.Value.Mode == FeedMode.Simulated;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The network gauges follow the grain: another silo reports them from now on.
        metrics.Network(null);
        // A clean stop saves the network, so the next activation has nothing to replay.
        if (_unsaved && _network is not null) await SaveNetworkAsync(_network, clock.UtcNow);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task Start()
    {
        // Cheap after the first call of an activation: every silo's watchdog calls it every few seconds, so that
        // after a silo loss a new activation resumes polling at once.
        if (_timer is not null) return;
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await Archive.Start();
        EnsurePolling();
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        EnsurePolling();
        return Task.CompletedTask;
    }

    public async Task<int> Poll()
    {
        using var cycle = VelibActivity.StartRoot($"ingest {System}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            // A store that cannot be reached fails the cycle here, as it would at the spool: nothing is polled.
            _epoch ??= await lease.TakeAsync(System);
            if (!await lease.HoldsAsync(System, _epoch.Value))
            {
                Superseded();
                return 0;
            }
            if (_source is null)
            {
                _source = await sources.CreateAsync(System, saved.State.Mode, CancellationToken.None);
                _network = await RestoreAsync(_source.Simulated);
            }
            var network = _network!;
            var observedUtc = clock.UtcNow;
            cycle?.SetTag("velib.feed.simulated", _source.Simulated).SetTag("velib.feed.url", _source.Url);

            FeedDocuments documents;
            using (VelibActivity.Source.StartActivity("fetch"))
            {
                documents = await _source.FetchAsync(_catalog.IsDue(observedUtc), CancellationToken.None);
            }
            IngestCycle work;
            using (var parse = VelibActivity.Source.StartActivity("parse"))
            {
                work = IngestCycle.Run(_catalog, documents, network.ById, observedUtc);
                parse?.SetTag("velib.stations", work.Parsed.Stations.Count).SetTag("velib.skipped", work.Parsed.Skipped);
            }
            using (var spool = VelibActivity.Source.StartActivity("spool"))
            {
                // Durable before anything moves on; a re-run after a lost silo appends nothing twice.
                var appended = await Archive.Append(work.Changes);
                if (_catalog.InformationChanged(work.Parsed) is { } information)
                {
                    await Archive.AppendStations([.. information], observedUtc);
                }
                if (_checkpointHour != ArchiveLayout.HourOf(observedUtc))
                {
                    // The first cycle of each hour (and of each activation) writes the full state, so that the state
                    // at any time is one checkpoint plus at most an hour of changes.
                    var feedUpdated = work.Parsed.FeedUpdatedUtc ?? observedUtc;
                    await Archive.AppendCheckpoint([.. work.Diff.Stations.Select(s => StationChange.Of(s, s.LastChangeUtc ?? observedUtc, feedUpdated))], observedUtc);
                    _checkpointHour = ArchiveLayout.HourOf(observedUtc);
                    spool?.SetTag("velib.archive.checkpoint", true);
                }
                spool?.SetTag("velib.changes", work.Changes.Length).SetTag("velib.archive.appended", appended);
            }
            var feedUpdatedUtc = work.Parsed.FeedUpdatedUtc ?? observedUtc;
            using (var fanOut = VelibActivity.Source.StartActivity("fan-out"))
            {
                var applied = await StationFanOut.ApplyAsync(GrainFactory, work.Diff.ForGrains, options.Value.FanOutConcurrency, observedUtc, feedUpdatedUtc);
                fanOut?.SetTag("velib.fanout.grains", applied.Calls).SetTag("velib.fanout.changes", work.Changes.Length)
                    .SetTag("velib.fanout.failures", applied.Failed).SetTag("velib.fanout.slowest_ms", Math.Round(applied.SlowestMs, 1));
                foreach (var call in applied.Notable)
                {
                    fanOut?.AddEvent(new ActivityEvent(call.Error is null ? "slow station call" : "failed station call", tags: new ActivityTagsCollection
                    {
                        ["velib.station.id"] = call.StationId, ["velib.duration_ms"] = Math.Round(call.Milliseconds, 1), ["error.message"] = call.Error,
                    }));
                }
                applied.ThrowIfFailed();
            }
            using (VelibActivity.Source.StartActivity("snapshot"))
            {
                _catalog.Commit(work.Parsed);
                if (network.Commit(work.Diff, observedUtc, work.Parsed.FeedUpdatedUtc) is { } delta)
                {
                    _unsaved = true;
                    // The cycle's changes are already in the store (the recent log, written with the spool), so
                    // the whole network is saved only now and then; a new activation replays the log over it.
                    if (_savedUtc is not { } last || observedUtc - last >= options.Value.NetworkSaveInterval)
                    {
                        await SaveNetworkAsync(network, observedUtc);
                    }
                    metrics.Network(NetworkTotals.Of(network.Snapshot.Stations));
                    await _observers.Notify(o => o.OnNetworkChanged(delta));
                }
            }
            var changes = work.Changes.Length;
            _health.Succeeded(observedUtc, work.Parsed.FeedUpdatedUtc, !work.Diff.IsEmpty, changes, work.Parsed.Skipped);
            metrics.RecordsSkipped(work.Parsed.Skipped);
            if (work.Parsed.Skipped > 0) FeedLog.RecordsSkipped(logger, System, work.Parsed.Skipped);
            cycle?.SetTag("velib.changes", changes).SetTag("velib.snapshot.version", network.Snapshot.Version);
            FeedLog.CycleCompleted(logger, System, network.Snapshot.Version, Stopwatch.GetElapsedTime(started).TotalMilliseconds, changes, Simulated);
            return changes;
        }
        catch (Exception ex)
        {
            var kind = ex switch
            {
                FeedFetchException f => f.Kind,
                FeedFormatException => "format",
                // Nothing was acknowledged: the next poll re-runs the cycle, and the spool skips what it already has.
                _ when IsStoreFailure(ex) => "store",
                _ => "internal",
            };
            if (kind == "internal") FeedLog.CycleFailed(logger, ex, System);
            else if (kind == "store") FeedLog.StoreUnavailable(logger, System, ex.Message);
            else FeedLog.DocumentRejected(logger, System, kind, ex.Message);
            _health.Failed($"{kind}: {ex.Message}");
            metrics.FeedError(kind);
            cycle?.SetStatus(ActivityStatusCode.Error, ex.Message).SetTag("error.type", kind);
            return 0;
        }
        finally
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            _health.CycleTook(ms);
            metrics.CycleCompleted(ms, _health.LastChanges, Simulated, _health.FeedUpdatedUtc);
        }
    }

    public async Task<FeedStatus> SwitchMode()
    {
        // Simulated ↔ live. The other kind's network is not diffed against: the next poll starts it afresh.
        saved.State.Mode = Simulated ? FeedMode.Live : FeedMode.Simulated;
        await saved.WriteStateAsync();
        _source = null;
        _network = null;
        _checkpointHour = null;
        _savedUtc = null;
        _unsaved = false;
        await Poll();
        return await GetStatus();
    }

    public Task<FeedStatus> GetStatus() => Task.FromResult(_health.ToStatus(
        Simulated ? "simulated" : "live", _source?.Url ?? (Simulated ? "simulated://velib" : options.Value.Url),
        _network?.Snapshot.Stations.Length ?? 0, clock.UtcNow, _catalog.InformationUpdatedUtc)
        with { Silo = $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}" });

    public Task<NetworkSnapshot> GetSnapshot() => Task.FromResult(_network?.Snapshot ?? saved.State.Network ?? NetworkSnapshot.Empty(Simulated));

    public Task<long> GetVersion() => Task.FromResult((_network?.Snapshot ?? saved.State.Network)?.Version ?? 0);

    public Task<NetworkDelta> GetChangesSince(long version) => Task.FromResult((_network ?? Saved()).ChangesSince(version));

    public Task<Station?> GetStation(long id) =>
        Task.FromResult((_network ?? Saved()).ById.TryGetValue(id, out var station) ? station : null);

    /// <summary>Before the first poll of this activation, readers get the persisted network rather than an empty one.</summary>
    private NetworkState Saved()
    {
        if (_savedView is not null) return _savedView;
        var state = new NetworkState(saved.State.Network?.Simulated ?? Simulated);
        state.Restore(saved.State.Network);
        return _savedView = state;
    }

    /// <summary>The saved network, brought up to date with the changes the store received after it was saved.</summary>
    private async Task<NetworkState> RestoreAsync(bool simulated)
    {
        var network = new NetworkState(simulated);
        var savedAt = saved.State.Network?.ObservedUtc;
        // Past every version the previous activation could have committed since its last save: at most one a poll,
        // and polls are at least 5 s apart, over the save interval or the time since the save, whichever is longer.
        var since = savedAt is { } at ? clock.UtcNow - at : TimeSpan.Zero;
        var longest = since > options.Value.NetworkSaveInterval ? since : options.Value.NetworkSaveInterval;
        var gap = 1 + (long)Math.Ceiling(longest / TimeSpan.FromSeconds(5));
        if (network.Restore(saved.State.Network, gap) && savedAt is { } from)
        {
            network.Replay(await recent.SinceAsync(from));
        }
        _savedView = null;
        return network;
    }

    private async Task SaveNetworkAsync(NetworkState network, DateTime atUtc)
    {
        saved.State.Network = network.Snapshot;
        await saved.WriteStateAsync();
        _savedUtc = atUtc;
        _unsaved = false;
    }

    public Task Subscribe(INetworkObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(INetworkObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private static bool IsStoreFailure(Exception ex) =>
        ex is RedisException or RedisTimeoutException || ex.InnerException is { } inner && IsStoreFailure(inner)
        || ex is AggregateException { InnerExceptions: var all } && all.Any(IsStoreFailure);

    /// <summary>
    /// Another activation took the lease (this one's silo was cut off and declared dead): stop polling, and do not save
    /// the network on the way out, since the successor's is newer.
    /// </summary>
    private void Superseded()
    {
        FeedLog.Superseded(logger, System, _epoch ?? 0, $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}");
        _timer?.Dispose();
        _unsaved = false;
        DeactivateOnIdle();
    }

    private void EnsurePolling()
    {
        if (_timer is not null) return;
        var interval = options.Value.PollInterval;
        FeedLog.Started(logger, System, options.Value.Url, interval, Simulated);
        _timer = this.RegisterGrainTimer(_ => Poll(), new GrainTimerCreationOptions(TimeSpan.Zero, interval) { KeepAlive = true });
    }
}
