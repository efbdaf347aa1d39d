using Velib.Contracts.Systems;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using StackExchange.Redis;
using Velib.Contracts.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Silo.Ingestion;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>
/// A ghost silo (cut off, declared dead in the membership table, not yet told) must not take the ingestion over: a
/// fresh activation there reads the table first and takes no lease. The silo's table reads are served by a stub
/// (<see cref="OneStatusMembershipTable"/>), so that the cluster's real membership, which would stop a silo it lists
/// as dead, is not touched.
/// </summary>
[Grain]
public sealed class GhostSiloTests
{
    private static readonly int Stations = BundledStations.Load().Count;

    private static readonly RedisKey Epoch = $"velib:{{{SystemId.Velib.Value}}}:ingestion:epoch";

    private static Task<VelibTestCluster> StartAsync(SiloStatus listed)
    {
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        return VelibTestCluster.StartAsync(settings, services: s => s.AddSingleton(sp =>
            new SiloStanding(new MembershipTableOverride(sp, new OneStatusMembershipTable(listed)), sp.GetRequiredService<ILocalSiloDetails>())));
    }

    [Fact]
    public async Task A_fresh_ingestion_activation_on_a_silo_the_table_lists_as_dead_takes_no_lease_and_polls_nothing()
    {
        await using var cluster = await StartAsync(SiloStatus.Dead);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

        Assert.Equal(0, await ingestion.Poll());

        using var store = await ConnectionMultiplexer.ConnectAsync(cluster.Store.ConnectionString);
        Assert.False(await store.GetDatabase().KeyExistsAsync(Epoch), "the ghost took a lease epoch");
        Assert.Equal(0, (await ingestion.GetStatus()).Stations);
    }

    [Fact]
    public async Task The_same_activation_on_a_silo_the_table_lists_as_active_takes_the_lease_and_polls()
    {
        await using var cluster = await StartAsync(SiloStatus.Active);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

        await ingestion.Poll();

        using var store = await ConnectionMultiplexer.ConnectAsync(cluster.Store.ConnectionString);
        Assert.True(await store.GetDatabase().KeyExistsAsync(Epoch), "the activation took no lease epoch");
        Assert.Equal(Stations, (await ingestion.GetStatus()).Stations);
    }
}
