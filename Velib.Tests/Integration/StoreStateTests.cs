using Aspire.Hosting.Testing;
using StackExchange.Redis;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>What the running app leaves in its store: grain state in Orleans' binary format, not JSON.</summary>
[Collection(AppHostCollection.Name)]
public sealed class StoreStateTests(AppHostFixture app)
{
    [SharedDataFact]
    public async Task Station_grain_state_in_the_real_store_is_binary_and_small()
    {
        await app.ServedSnapshotAsync();
        var connection = await app.App.GetConnectionStringAsync("store")
            ?? throw new InvalidOperationException("the AppHost has no 'store' connection string");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var server = redis.GetServers().Single();
        var db = redis.GetDatabase();

        // Orleans' Redis storage keeps each grain's state in a hash with its etag and data.
        var keys = server.Keys(pattern: "*station*", pageSize: 500).Where(k => db.KeyType(k) == RedisType.Hash).Take(200).ToArray();
        Assert.True(keys.Length >= 100, $"expected station grain state in the store, found {keys.Length} station hashes");
        foreach (var key in keys)
        {
            byte[] data = (await db.HashGetAsync(key, "data"))!;
            Assert.True(data is { Length: > 0 }, $"{key} has no data field");
            Assert.NotEqual((byte)'{', data[0]);
            // The latest state and a few packed changes.
            Assert.True(data.Length < 2_048, $"{key} holds {data.Length} bytes");
        }
    }
}
