using Velib.Contracts.Systems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime;
using Orleans.Storage;
using Velib.Contracts.Feed;
using Velib.Silo.Ingestion;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>
/// The ingestion grain saves its network only now and then; a new activation replays the store's recent log over
/// the saved network, so a crash between saves loses no change and re-emits none.
/// </summary>
[Grain]
public sealed class NetworkReplayTests
{
    [Fact]
    public async Task A_new_activation_on_a_stale_saved_network_replays_the_recent_log_and_sees_no_change_in_an_unchanged_feed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        // Saved every cycle, so that a deactivation has nothing left to save and the stale state below stays.
        settings["Velib:Feed:NetworkSaveInterval"] = "00:00:00";
        await using var cluster = await VelibTestCluster.StartAsync(settings, time: time);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var storage = cluster.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>("Default");
        var id = ingestion.GetGrainId();

        await ingestion.Poll();
        var afterFirst = new GrainState<IngestionState>(new IngestionState());
        await storage.ReadStateAsync("network", id, afterFirst);
        var changed = 0;
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            changed += await ingestion.Poll();
        }
        Assert.True(changed > 0, "three simulated minutes of the evening rush changed no station");
        var latest = await ingestion.GetSnapshot();

        // What a crash right after the first cycle's save would leave: the first network, and the later cycles'
        // changes in the recent log only.
        await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var current = new GrainState<IngestionState>(new IngestionState());
        await storage.ReadStateAsync("network", id, current);
        current.State = afterFirst.State;
        await storage.WriteStateAsync("network", id, current);

        // The same feed at the same time: after an exact replay, nothing differs.
        Assert.Equal(0, await ingestion.Poll());
        var replayed = await ingestion.GetSnapshot();
        Assert.Equal(latest.Stations.Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks, s.LastChangeUtc)),
            replayed.Stations.Select(s => (s.Id, s.Mechanical, s.Ebike, s.Docks, s.LastChangeUtc)));
        Assert.True(replayed.Version > latest.Version, $"version {replayed.Version} after the restore, {latest.Version} before: a reader could be told 'no changes' about another network");
    }
}
