using StackExchange.Redis;
using Velib.Silo.Storage;
using Velib.Tests.Support;

namespace Velib.Tests.Store;

/// <summary>The silo reads the store's own counters for the dashboard, and is Degraded past documented thresholds.</summary>
[Integration]
public sealed class StoreWatchTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 30, 18, 0, 0, DateTimeKind.Utc);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "velib-watch-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_store_reports_its_AOF_data_folder_memory_last_checkpoint_and_keys()
    {
        using var store = TestStore.Persistent(_data, memorySize: "8m", pageSize: "256k");
        using var connection = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        await store.FillAsync("velib:test:filler", 1 << 20);

        var stats = await StoreProbe.ReadAsync(connection, _data, Now);

        Assert.True(stats.AofBytes > 1 << 20, $"AOF {stats.AofBytes}");
        Assert.True(stats.DataFolderBytes > 0, $"data folder {stats.DataFolderBytes}");
        Assert.True(stats.UsedMemoryBytes > 0, $"memory {stats.UsedMemoryBytes}");
        Assert.NotNull(stats.LastCheckpointUtc);
        Assert.True(stats.Keys >= 128, $"keys {stats.Keys}");
    }

    [Fact]
    public void The_silo_is_degraded_past_the_data_folder_memory_or_checkpoint_age_thresholds_and_says_which()
    {
        var options = new StoreOptions();
        var fine = new StoreStats(1 << 20, 100L << 20, 300L << 20, Now.AddMinutes(-50), 10_000, Now);
        Assert.Empty(StoreHealth.Reasons(fine, options));
        Assert.Empty(StoreHealth.Reasons(null, options));

        var reasons = StoreHealth.Reasons(fine with { DataFolderBytes = 5L << 30, UsedMemoryBytes = 2L << 30, LastCheckpointUtc = Now.AddHours(-3) }, options);

        Assert.Collection(reasons,
            r => Assert.Contains("data folder 5,120 MB, over 4,096 MB", r, StringComparison.Ordinal),
            r => Assert.Contains("memory 2,048 MB, over 1,024 MB", r, StringComparison.Ordinal),
            r => Assert.Contains("no store checkpoint for 3.0 h", r, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
