using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Silo.Ingestion;
using Velib.Silo.Storage;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>
/// Grain state (the ingestion grain's saved network, the only state a grain persists) is stored in Orleans' binary
/// format; the JSON that versions before 2026-11-30 wrote is still read until its removal step (see
/// <see cref="VelibStorageSerializer"/>).
/// </summary>
[Grain]
public sealed class StateFormatTests : RecordedClusterTest
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private IGrainStorageSerializer Serializer => Cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IGrainStorageSerializer>();

    [SharedDataFact]
    public void The_saved_network_is_written_as_binary_and_reads_back_the_same()
    {
        var station = new Station(-6, "7001", "Test", 48.85, 2.35, 20, 4, 2, 14, true, true, true, T0, T0);
        var saved = new IngestionState { Network = new NetworkSnapshot(42, false, T0, T0, [station]), Mode = FeedMode.Simulated };

        var written = Serializer.Serialize(saved);
        var read = Serializer.Deserialize<IngestionState>(written)!;

        Assert.NotEqual((byte)'{', written.ToMemory().Span[0]);
        Assert.Equal(FeedMode.Simulated, read.Mode);
        Assert.Equal((42L, T0), (read.Network!.Version, read.Network.ObservedUtc!.Value));
        Assert.Equal(station, Assert.Single(read.Network.Stations));
    }

    [SharedDataFact]
    public void State_written_as_json_by_an_earlier_version_is_still_read()
    {
        var json = ActivatorUtilities.CreateInstance<JsonGrainStorageSerializer>(Cluster.Cluster.GetSiloServiceProvider())
            .Serialize(new IngestionState { Mode = FeedMode.Live });

        Assert.Equal((byte)'{', json.ToMemory().Span[0]);
        Assert.Equal(FeedMode.Live, Serializer.Deserialize<IngestionState>(json)!.Mode);
    }
}
