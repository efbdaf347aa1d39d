using System.Diagnostics;
using StackExchange.Redis;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Store;

/// <summary>The store's disk fills up: Velib.Store, as the AppHost runs it, on a tmpfs of a few megabytes.</summary>
public sealed class StoreDiskFullTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "velib-full-" + Guid.NewGuid().ToString("N"));
    private bool _mounted;

    [RootFact]
    public async Task When_the_disk_is_full_writes_are_refused_and_said_so_nothing_acknowledged_is_lost_and_writes_resume_when_space_returns()
    {
        Directory.CreateDirectory(_data);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", _data);
        _mounted = true;
        using var store = new StoreProcess(_data, memorySize: "8m", maxAofSize: "8m", pageSize: "256k");
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
        await WaitForAsync(() => store.Output.Any(l => l.Contains("WRITES REFUSED", StringComparison.Ordinal)), "the store never said that it refuses writes");
        output.WriteLine(store.Output.First(l => l.Contains("WRITES REFUSED", StringComparison.Ordinal)));

        // Space returns: the store comes back by itself, with every write it acknowledged.
        await RunAsync("mount", "-o", "remount,size=128m", _data);
        var resumed = Stopwatch.StartNew();
        await WaitForAsync(() => store.Output.Any(l => l.Contains("writes resumed", StringComparison.Ordinal)), "the store did not resume writing once space returned");
        output.WriteLine($"{resumed.Elapsed.TotalSeconds:0.0} s after the space returned: {store.Output.First(l => l.Contains("writes resumed", StringComparison.Ordinal))}");
        await WaitForAsync(async () => { try { return await db.StringSetAsync("after", "1"); } catch (RedisException) { return false; } }, "no write succeeded after the store resumed");
        var values = await db.StringGetAsync([.. acknowledged.Select(k => (RedisKey)k)]);
        var lost = acknowledged.Where((_, i) => values[i] != value).ToArray();
        output.WriteLine($"{acknowledged.Count - lost.Length:N0} of {acknowledged.Count:N0} acknowledged writes present after the store resumed");
        Assert.True(lost.Length == 0, $"{lost.Length} acknowledged writes lost, e.g. {string.Join(", ", lost.Take(5))}");
        await store.StopAsync();
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => WaitForAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), what + " within 60 s");
            await Task.Delay(200);
        }
    }

    private static async Task RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)}: {error}");
    }

    public void Dispose()
    {
        if (_mounted) Process.Start("umount", ["-l", _data])!.WaitForExit(10_000);
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
