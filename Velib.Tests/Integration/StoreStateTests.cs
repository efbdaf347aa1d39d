using Aspire.Hosting.Testing;
using StackExchange.Redis;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>What the running app leaves in its store: station history as packed per-cycle values, no per-station state.</summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class StoreStateTests(AppHostFixture app)
{
    [SharedDataFact]
    public async Task Station_history_in_the_real_store_is_one_packed_value_per_cycle_and_no_state_per_station()
    {
        await app.ServedSnapshotAsync();
        var connection = await app.App.GetConnectionStringAsync("store")
            ?? throw new InvalidOperationException("the AppHost has no 'store' connection string");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var server = redis.GetServers().Single();
        var db = redis.GetDatabase();

        // Station grains write nothing (issue 19): a state per station rewrote its whole day at every change.
        var stationStates = server.Keys(pattern: "*state/station*", pageSize: 500).Take(10).ToArray();
        Assert.True(stationStates.Length == 0, $"station grain state in the store: {string.Join(", ", stationStates)}");
        // Their history is the recent log: one packed value per cycle, scored by the cycle's time.
        var recent = await db.SortedSetRangeByRankAsync("velib:{velib}:recent", 0, -1);
        Assert.NotEmpty(recent);
        Assert.All(recent, v => Assert.Equal(0x02, ((byte[])v!)[0]));
    }
}
