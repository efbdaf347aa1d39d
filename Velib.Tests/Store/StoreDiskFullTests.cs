using System.Diagnostics;
using StackExchange.Redis;
using Velib.Tests.Support;
using Xunit.Abstractions;
using Velib.Store.Launch;

namespace Velib.Tests.Store;

/// <summary>The store's disk fills up: Velib.Store, as the AppHost runs it, on a tmpfs of a few megabytes.</summary>
[Integration]
public sealed class StoreDiskFullTests(ITestOutputHelper output)
{

    [RootFact]
    public async Task When_the_disk_is_full_writes_are_refused_and_said_so_nothing_acknowledged_is_lost_and_writes_resume_when_space_returns()
    {
        using var disk = await SmallDisk.MountAsync("24m");
        using var store = new StoreProcess(disk.Path, memorySize: "8m", maxAofSize: "8m", pageSize: "256k");
        await store.StartAsync();
        var acknowledged = new List<string>();
        using var client = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString + ",syncTimeout=5000,asyncTimeout=5000");
        var db = client.GetDatabase();
        var value = new string('x', 4000);
        for (var i = 0; i < 20_000; i++)
        {
            try { await db.StringSetAsync($"k:{i}", value); }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                output.WriteLine($"write {i} failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
                break;
            }
            acknowledged.Add($"k:{i}");
        }
        Assert.True(acknowledged.Count < 20_000, "the 24 MB disk never filled up");
        await Waits.UntilAsync(() => store.Output.Any(l => l.Contains("WRITES REFUSED", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the store never said that it refuses writes");
        output.WriteLine(store.Output.First(l => l.Contains("WRITES REFUSED", StringComparison.Ordinal)));

        // Space returns: the store comes back by itself, with every write it acknowledged.
        await disk.ResizeAsync("128m");
        var resumed = Stopwatch.StartNew();
        await Waits.UntilAsync(() => store.Output.Any(l => l.Contains("writes resumed", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the store did not resume writing once space returned");
        output.WriteLine($"{resumed.Elapsed.TotalSeconds:0.0} s after the space returned: {store.Output.First(l => l.Contains("writes resumed", StringComparison.Ordinal))}");
        await Waits.UntilAsync(async () => { try { return await db.StringSetAsync("after", "1"); } catch (RedisException) { return false; } }, TimeSpan.FromSeconds(60),
            "no write succeeded after the store resumed");
        var values = await db.StringGetAsync([.. acknowledged.Select(k => (RedisKey)k)]);
        var lost = acknowledged.Where((_, i) => values[i] != value).ToArray();
        output.WriteLine($"{acknowledged.Count - lost.Length:N0} of {acknowledged.Count:N0} acknowledged writes present after the store resumed");
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
        await store.StopAsync();
    }
}
