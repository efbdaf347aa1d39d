using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Utilities;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Archive;
using Velib.Silo.Stations;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Feed;

/// <summary>
/// One per GBFS system. A reminder keeps it alive (and survives deactivation); a grain timer polls at
/// <see cref="FeedOptions.PollInterval"/>, since reminders cannot fire more than once a minute.
/// </summary>
internal sealed partial class FeedIngestionGrain(
    FeedSourceFactory sources, IOptions<FeedOptions> options, TimeProvider time, FeedMetrics metrics,
    S3ArchiveStore store, IOptions<ArchiveOptions> archiveOptions, ArchiveMetrics archiveMetrics,
    ILogger<FeedIngestionGrain> logger) : Grain, IFeedIngestionGrain, IRemindable
{
    private const string KeepAliveReminder = "velib.ingest";
    private const string ArchiveReminder = "velib.archive";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);
    private readonly ObserverManager<INetworkObserver> _observers = new(TimeSpan.FromMinutes(5), logger);
    private readonly FeedCatalog _catalog = new(options.Value.InformationRefresh);
    private readonly FeedHealth _health = new(options.Value.PollInterval);
    private IFeedSource? _source;
    private NetworkState? _network;
    private readonly List<StationChange> _unspooled = [];
    private ChangeArchive _archive = null!;
    private IGrainTimer? _timer, _archiveRetry;
    private TimeSpan _archiveBackoff = FirstRetry;

    private string System => this.GetPrimaryKeyString();

    private bool Simulated => _source?.Simulated ?? options.Value.Mode == FeedMode.Simulated;

    public async Task Start()
    {
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        var interval = archiveOptions.Value.Interval;
        await this.RegisterOrUpdateReminder(ArchiveReminder, interval, interval);
        EnsurePolling();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // After a silo restart a reminder reactivates this grain; polling resumes from here.
        EnsurePolling();
        if (reminderName == ArchiveReminder)
        {
            await FlushArchive();
        }
    }

    public async Task<int> Poll()
    {
        using var cycle = VelibActivity.StartRoot($"ingest {System}");
        var started = Stopwatch.GetTimestamp();
        try
        {
            _source ??= await sources.CreateAsync(System, CancellationToken.None);
            _network ??= new NetworkState(_source.Simulated);
            var observedUtc = time.GetUtcNow().UtcDateTime;
            cycle?.SetTag("velib.feed.simulated", _source.Simulated).SetTag("velib.feed.url", _source.Url);

            FeedDocuments documents;
            using (VelibActivity.Source.StartActivity("fetch"))
            {
                documents = await _source.FetchAsync(_catalog.IsDue(observedUtc), CancellationToken.None);
            }
            ParsedCycle parsed;
            using (var parse = VelibActivity.Source.StartActivity("parse"))
            {
                parsed = _catalog.Parse(documents, observedUtc);
                parse?.SetTag("velib.stations", parsed.Stations.Count).SetTag("velib.skipped", parsed.Skipped);
            }
            var diff = NetworkDiff.Compute(_network.ById, parsed.Stations, observedUtc);
            var feedUpdatedUtc = parsed.FeedUpdatedUtc ?? observedUtc;
            int changes;
            using (var fanOut = VelibActivity.Source.StartActivity("fan-out"))
            {
                var applied = await StationFanOut.ApplyAsync(GrainFactory, diff.ForGrains, options.Value.FanOutConcurrency, observedUtc, feedUpdatedUtc);
                // Changes from the calls that succeeded are kept even if others failed: those grains already moved on.
                _unspooled.AddRange(applied.Changes);
                changes = applied.Changes.Count;
                await _archive.AppendAsync(_unspooled);
                _unspooled.Clear();
                applied.ThrowIfFailed();
                fanOut?.SetTag("velib.grains", diff.ForGrains.Count).SetTag("velib.changes", changes);
            }
            using (VelibActivity.Source.StartActivity("snapshot"))
            {
                if (_catalog.Commit(parsed))
                {
                    await _archive.AppendStationsAsync(_catalog.Information, observedUtc);
                }
                if (_network.Commit(diff, observedUtc, parsed.FeedUpdatedUtc) is { } delta)
                {
                    await _observers.Notify(o => o.OnNetworkChanged(delta));
                }
            }
            _health.Succeeded(observedUtc, parsed.FeedUpdatedUtc, !diff.IsEmpty, changes, parsed.Skipped);
            metrics.RecordsSkipped(parsed.Skipped);
            if (parsed.Skipped > 0) FeedLog.RecordsSkipped(logger, System, parsed.Skipped);
            cycle?.SetTag("velib.changes", changes).SetTag("velib.snapshot.version", _network.Snapshot.Version);
            return changes;
        }
        catch (Exception ex)
        {
            var kind = ex switch { FeedFetchException f => f.Kind, FeedFormatException => "format", _ => "internal" };
            if (kind == "internal") FeedLog.CycleFailed(logger, ex, System);
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

    public Task<FeedStatus> GetStatus() => Task.FromResult(_health.ToStatus(
        Simulated ? "simulated" : "live", _source?.Url ?? (Simulated ? "simulated://velib" : options.Value.Url),
        _network?.Snapshot.Stations.Length ?? 0, time.GetUtcNow().UtcDateTime, _catalog.InformationUpdatedUtc));

    public Task<NetworkSnapshot> GetSnapshot() => Task.FromResult(_network?.Snapshot ?? NetworkSnapshot.Empty(Simulated));

    public Task<NetworkDelta> GetChangesSince(long version) => Task.FromResult(
        _network?.ChangesSince(version) ?? new NetworkDelta(version, 0, Simulated, null, true, [], []));

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

    private void EnsurePolling()
    {
        if (_timer is not null) return;
        var interval = options.Value.PollInterval;
        FeedLog.Started(logger, System, options.Value.Url, interval, Simulated);
        _timer = this.RegisterGrainTimer(_ => Poll(), new GrainTimerCreationOptions(TimeSpan.Zero, interval) { KeepAlive = true });
    }
}
