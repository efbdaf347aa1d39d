using Velib.Contracts.Systems;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

[Grain]
public sealed class IngestionGrainTests : RecordedClusterTest
{
    [SharedDataFact]
    public async Task A_poll_fills_the_snapshot_and_the_station_grains_from_the_liveFeed()
    {
        var changes = await Ingestion.Poll();

        var snapshot = await Ingestion.GetSnapshot();
        Assert.Equal(1499, changes);
        Assert.Equal(1499, snapshot.Stations.Length);
        Assert.False(snapshot.Simulated);
        Assert.Equal(11752, snapshot.Stations.Sum(s => s.Mechanical));
        Assert.Equal(7081, snapshot.Stations.Sum(s => s.Ebike));
        Assert.Equal(27861, snapshot.Stations.Sum(s => s.Docks));
        var sample = snapshot.Stations[100];
        var detail = await Cluster.Client.GetStation(SystemId.Velib, sample.Id).GetDetail();
        Assert.NotNull(detail);
        Assert.Equal((sample.Mechanical, sample.Ebike, sample.Docks, sample.Name), (detail.Station.Mechanical, detail.Station.Ebike, detail.Station.Docks, detail.Station.Name));
        var status = await Ingestion.GetStatus();
        Assert.Equal("live", status.Mode);
        Assert.Equal(1499, status.Stations);
        Assert.Null(status.LastError);
        Assert.False(status.Stale);
        Assert.NotNull(status.FeedLastUpdatedUtc);
        Assert.NotNull(status.InformationLastUpdatedUtc);
    }

    [SharedDataFact]
    public async Task A_bad_document_changes_nothing_and_the_next_good_poll_recovers()
    {
        await Ingestion.Poll();
        var before = await Ingestion.GetSnapshot();
        Feed.Status = Snapshot("station_status_20251110_134915.json");

        var failures = 0;
        foreach (var fault in new[] { FeedFault.ServerError, FeedFault.Garbage, FeedFault.TruncatedBody, FeedFault.BrokenTransfer })
        {
            Feed.Fault = fault;
            Assert.Equal(0, await Ingestion.Poll());
            var status = await Ingestion.GetStatus();
            Assert.Equal(++failures, status.ConsecutiveFailures);
            Assert.False(string.IsNullOrEmpty(status.LastError), fault.ToString());
            var after = await Ingestion.GetSnapshot();
            Assert.Equal(before.Version, after.Version);
            var differing = before.Stations.Zip(after.Stations).FirstOrDefault(p => p.First != p.Second);
            Assert.True(differing == default, $"{fault}: {differing.First} became {differing.Second}");
            Assert.Equal(before.Stations.Length, after.Stations.Length);
        }

        Feed.Fault = FeedFault.None;
        Assert.Equal(952, await Ingestion.Poll());
        var recovered = await Ingestion.GetStatus();
        Assert.Equal(0, recovered.ConsecutiveFailures);
        Assert.Null(recovered.LastError);
        Assert.Equal(18807, (await Ingestion.GetSnapshot()).Stations.Sum(s => s.Mechanical + s.Ebike));
    }

    [SharedDataFact]
    public async Task An_activation_whose_lease_a_successor_took_polls_nothing_and_the_successor_carries_on()
    {
        await Ingestion.Poll();
        // What a successor on another silo does when it starts, while this silo is cut off.
        await using (var store = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Cluster.Store.ConnectionString))
        {
            await store.GetDatabase().StringIncrementAsync("velib:{velib}:ingestion:epoch");
        }
        var requests = Volatile.Read(ref Feed.StatusRequests);

        Assert.Equal(0, await Ingestion.Poll());
        Assert.Equal(requests, Volatile.Read(ref Feed.StatusRequests));

        // The superseded activation is gone; the next call starts one that takes the lease and goes on from the store.
        Feed.Status = Snapshot("station_status_20251110_134915.json");
        Assert.Equal(952, await Ingestion.Poll());
        Assert.True(Volatile.Read(ref Feed.StatusRequests) > requests, "the new activation never polled the feed");
        Assert.Null((await Ingestion.GetStatus()).LastError);
    }

    [SharedDataFact]
    public async Task Each_station_keeps_its_history_of_changes()
    {
        var files = Directory.GetFiles(Series, "station_status_*.json").Order().Take(4).ToArray();
        foreach (var file in files)
        {
            Feed.Status = File.ReadAllBytes(file);
            await Ingestion.Poll();
        }

        var snapshot = await Ingestion.GetSnapshot();
        var details = await Task.WhenAll(snapshot.Stations.Take(200).Select(s => Cluster.Client.GetStation(SystemId.Velib, s.Id).GetDetail()));
        Assert.All(details, d => Assert.InRange(d!.History.Length, 1, files.Length));
        Assert.Contains(details, d => d!.History.Length == files.Length);
        Assert.All(details, d =>
        {
            var last = d!.History[^1];
            Assert.Equal((d.Station.Mechanical, d.Station.Ebike, d.Station.Docks), (last.Mechanical, last.Ebike, last.Docks));
        });
    }

    [SharedDataFact]
    public async Task Observers_receive_only_the_changed_stations_after_each_cycle()
    {
        var observer = new RecordingObserver();
        var reference = Cluster.Client.CreateObjectReference<INetworkObserver>(observer);
        await Ingestion.Poll();
        await Ingestion.Subscribe(reference);

        Feed.Status = Snapshot("station_status_20251110_134915.json");
        await Ingestion.Poll();

        var delta = await observer.Next.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(delta.Full);
        Assert.Equal(delta.FromVersion + 1, delta.ToVersion);
        Assert.InRange(delta.Stations.Length, 952, 1499);
        GC.KeepAlive(observer);
    }

    private sealed class RecordingObserver : INetworkObserver
    {
        public TaskCompletionSource<NetworkDelta> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnNetworkChanged(NetworkDelta delta)
        {
            Next.TrySetResult(delta);
            return Task.CompletedTask;
        }
    }
}
