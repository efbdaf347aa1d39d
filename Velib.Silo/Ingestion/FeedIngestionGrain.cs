using System.Diagnostics;
using Microsoft.Extensions.Options;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;
using Velib.Silo.Telemetry;

namespace Velib.Silo.Ingestion;

/// <summary>
/// One per GBFS system, and its lifecycle: the keep-alive reminder (which brings it back on another silo), the poll
/// timer at <see cref="FeedOptions.PollInterval"/> (reminders fire at most once a minute), the lease, and the mode
/// switch. Each poll runs the <see cref="IngestPipeline"/>, which never touches S3 (its changes go to the archive
/// grain's spool); the <see cref="NetworkPublisher"/> keeps the network that readers and observers get.
/// </summary>
internal sealed class FeedIngestionGrain(
    [PersistentState("network")] IPersistentState<IngestionState> saved,
    FeedSourceFactory sources, IOptions<FeedOptions> options, FeedClock clock, FeedMetrics metrics, RecentChanges recent,
    ILocalSiloDetails silo, IngestionLease lease, SiloStanding standing, ILogger<FeedIngestionGrain> logger) : Grain, IFeedIngestionGrain, IRemindable
{
    private const string KeepAliveReminder = "velib.ingest";
    private readonly FeedCatalog _catalog = new(options.Value.InformationRefresh);
    private readonly FeedHealth _health = new(options.Value.PollInterval);
    private readonly NetworkPublisher _network = new(saved, recent, metrics, clock, options.Value.NetworkSaveInterval, logger);
    private IFeedSource? _source;
    private IngestPipeline? _pipeline;
    private IGrainTimer? _timer;
    private long? _epoch;

    private string System => this.GetPrimaryKeyString();

    private bool Simulated => _source?.Simulated ?? options.Value.Mode == FeedMode.Simulated;

    private string SiloName => $"{silo.SiloAddress.Endpoint.Address}:{silo.SiloAddress.Endpoint.Port}";

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The network gauges follow the grain: another silo reports them from now on.
        metrics.Network(null);
        // A clean stop saves the network, so the next activation has nothing to replay.
        await _network.SaveIfUnsavedAsync(clock.UtcNow);
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task Start()
    {
        // Cheap after the first call of an activation: every silo's watchdog calls it every few seconds, so that
        // after a silo loss a new activation resumes polling at once.
        if (_timer is not null) return;
        await this.RegisterOrUpdateReminder(KeepAliveReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        await GrainFactory.GetGrain<IArchiveGrain>(System).Start();
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
            if (_epoch is null)
            {
                // A fresh activation on a silo the cluster declared dead (cut off, not yet told) takes no lease.
                if (await standing.ReadAsync() is var status and not SiloStatus.Active)
                {
                    Standing(status);
                    return 0;
                }
                _epoch = await lease.TakeAsync(System);
            }
            if (!await lease.HoldsAsync(System, _epoch.Value))
            {
                Superseded();
                return 0;
            }
            var pipeline = _pipeline ??= await StartPipelineAsync();
            return await pipeline.RunAsync(clock.UtcNow, cycle, started);
        }
        catch (Exception ex)
        {
            var failure = CycleFailure.Of(ex);
            failure.Log(logger, System);
            _health.Failed(failure.Error);
            metrics.FeedError(failure.Kind);
            cycle?.SetStatus(ActivityStatusCode.Error, ex.Message).SetTag("error.type", failure.Kind);
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
        _pipeline = null;
        _network.Forget();
        await Poll();
        return await GetStatus();
    }

    public Task<FeedStatus> GetStatus() => Task.FromResult(_health.ToStatus(
        Simulated ? "simulated" : "live", _source?.Url ?? (Simulated ? "simulated://velib" : options.Value.Url),
        _network.Current?.Snapshot.Stations.Length ?? 0, clock.UtcNow, _catalog.InformationUpdatedUtc) with { Silo = SiloName });

    public Task<NetworkSnapshot> GetSnapshot() => Task.FromResult(_network.Snapshot(Simulated));

    public Task<long> GetVersion() => Task.FromResult(_network.Version);

    public Task<NetworkDelta> GetChangesSince(long version) => Task.FromResult(_network.ChangesSince(version, Simulated));

    public Task<Station?> GetStation(long id) => Task.FromResult(_network.Station(id, Simulated));

    public Task Subscribe(INetworkObserver observer) => _network.Subscribe(observer);

    public Task Unsubscribe(INetworkObserver observer) => _network.Unsubscribe(observer);

    /// <summary>The first poll of an activation (or of a mode): the source, and the saved network brought up to date.</summary>
    private async Task<IngestPipeline> StartPipelineAsync()
    {
        _source ??= await sources.CreateAsync(System, saved.State.Mode, CancellationToken.None);
        var network = await _network.RestoreAsync(_source.Simulated);
        return new IngestPipeline(System, _source, network, _network, _catalog, _health, GrainFactory,
            options.Value.FanOutConcurrency, metrics, logger);
    }

    /// <summary>
    /// Another activation took the lease (this one's silo was cut off and declared dead): stop polling, and do not save
    /// the network on the way out, since the successor's is newer.
    /// </summary>
    private void Superseded()
    {
        FeedLog.Superseded(logger, System, _epoch ?? 0, SiloName);
        _timer?.Dispose();
        _network.Abandon();
        DeactivateOnIdle();
    }

    /// <summary>This silo is no longer Active in the membership table: stop, without a lease and without saving.</summary>
    private void Standing(SiloStatus status)
    {
        FeedLog.NotActive(logger, System, SiloName, status);
        _timer?.Dispose();
        _network.Abandon();
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
