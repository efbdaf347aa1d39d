using Velib.Contracts.Systems;
using Velib.Contracts.Feed;

namespace Velib.Tests.Support;

/// <summary>
/// Grain tests on the recorded Vélib' afternoon: a local feed server that starts at the first snapshot, and an
/// in-process cluster polling it as the live feed. A test advances the feed by setting <c>Feed.Status</c>.
/// </summary>
public abstract class RecordedClusterTest : IAsyncLifetime
{
    protected static readonly string Series = SharedData.Root is null ? "" : SharedData.Velib("timeseries-2025-11-10");

    protected RecordedFeedServer Feed { get; private set; } = null!;

    protected VelibTestCluster Cluster { get; private set; } = null!;

    protected IFeedIngestionGrain Ingestion => Cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);

    protected static byte[] Snapshot(string name) => SharedData.Bytes(Path.Combine(Series, name));

    public async Task InitializeAsync()
    {
        Feed = await RecordedFeedServer.StartAsync(Snapshot("station_information_20251110_133043.json"), Snapshot("station_status_20251110_133043.json"));
        Cluster = await VelibTestCluster.StartAsync(VelibTestCluster.Live(Feed.DiscoveryUrl));
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Feed.DisposeAsync();
    }
}
