using Velib.Contracts.Systems;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Feed;
using Velib.Tests.Support;
using Xunit.Abstractions;

namespace Velib.Tests.Store;

/// <summary>
/// What one ingest cycle costs the store, in the bytes its append-only file grows by: the real grains, the real
/// spool, Orleans' Redis grain storage and a Garnet started as the AppHost starts it.
/// </summary>
[Grain]
public sealed class WriteBudgetTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "velib-budget-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_cycle_writes_at_most_150_bytes_per_changed_station_plus_8_KB_to_the_store()
    {
        using var store = TestStore.Persistent(_data);
        // The evening rush of the simulated city, on the feed's clock; the Orleans runtime keeps real time.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 17, 40, 0, TimeSpan.Zero));
        var settings = VelibTestCluster.Live("http://127.0.0.1:9/gbfs.json");
        settings["Velib:Feed:Mode"] = "simulated";
        await using var cluster = await VelibTestCluster.StartAsync(settings, store: store, time: time, stateInStore: true);
        var ingestion = cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        var first = await ingestion.Poll();
        Assert.True(first > 1000, $"the first cycle saw {first} stations");

        long totalBytes = 0, totalChanges = 0;
        for (var cycle = 0; cycle < 5; cycle++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var before = await store.AofTailAsync();
            var changes = await ingestion.Poll();
            var written = await store.AofTailAsync() - before;
            output.WriteLine($"cycle {cycle + 1}: {changes} changes, {written:N0} bytes appended to the AOF, {(changes == 0 ? 0 : written / changes):N0} B per change");
            Assert.True((await ingestion.GetStatus()).LastError is null, (await ingestion.GetStatus()).LastError);
            Assert.True(changes > 0, "a simulated minute of the evening rush changed no station");
            Assert.True(written <= 150 * changes + 8192,
                $"cycle {cycle + 1}: {written:N0} bytes for {changes} changes, over the budget of {150 * changes + 8192:N0} ({written / changes:N0} B per change)");
            totalBytes += written;
            totalChanges += changes;
        }
        output.WriteLine($"5 cycles: {totalChanges} changes, {totalBytes:N0} bytes, {totalBytes / totalChanges:N0} B per change");

        // The first cycle of an hour also saves the network and the archive's checkpoint: reported, not budgeted.
        time.Advance(TimeSpan.FromMinutes(15));
        var hourStart = await store.AofTailAsync();
        var hourChanges = await ingestion.Poll();
        output.WriteLine($"first cycle of the hour: {hourChanges} changes, {await store.AofTailAsync() - hourStart:N0} bytes (network and checkpoint included)");
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
