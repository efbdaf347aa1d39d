using Velib.Contracts.Systems;
using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;
using Velib.AppHost.Launch;

namespace Velib.Tests.Lake;

/// <summary>
/// A lake built from the recorded afternoon: each status snapshot polled at its own recorded time (on a fake feed
/// clock), archived through the real spool into a real s3rver under a prefix of its own.
/// </summary>
public sealed class RecordedLake : IAsyncDisposable
{
    private readonly List<VelibTestCluster> _clusters = [];
    private readonly RecordedFeedServer _feed;

    private RecordedLake(RecordedFeedServer feed, S3rverProcess s3, string prefix)
    {
        _feed = feed;
        S3 = s3;
        Prefix = prefix;
    }

    public static string[] Files => [.. Directory.GetFiles(SharedData.Velib("timeseries-2025-11-10"), "station_status_*.json").Order()];

    public S3rverProcess S3 { get; }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; } = new();

    /// <summary>The network after each poll, in order, with its poll time.</summary>
    public List<NetworkSnapshot> Snapshots { get; } = [];

    public VelibTestCluster Cluster => _clusters[^1];

    public IArchiveReaderGrain Reader => Cluster.Client.GetGrain<IArchiveReaderGrain>(0);

    public static DateTime StampOf(string file) => DateTime.ParseExact(Path.GetFileNameWithoutExtension(file)[^15..], "yyyyMMdd_HHmmss",
        CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static async Task<RecordedLake> StartAsync(S3rverProcess s3)
    {
        var files = Files;
        var feed = await RecordedFeedServer.StartAsync(
            File.ReadAllBytes(SharedData.Velib("timeseries-2025-11-10", "station_information_20251110_133043.json")), File.ReadAllBytes(files[0]));
        var lake = new RecordedLake(feed, s3, $"t{Guid.NewGuid().ToString("N")[..8]}/");
        await lake.StartClusterAsync();
        return lake;
    }

    /// <summary>A cluster on this lake's bucket and prefix; a fresh store (so an empty spool) unless <paramref name="store"/> is given.</summary>
    public async Task StartClusterAsync(TestStore? store = null)
    {
        var settings = VelibTestCluster.Live(_feed.DiscoveryUrl, S3);
        settings["Velib:Archive:Prefix"] = Prefix;
        _clusters.Add(await VelibTestCluster.StartAsync(settings, store: store, time: Time));
    }

    /// <summary>Polls the given snapshots, each at its recorded time.</summary>
    public async Task PollAsync(params int[] indexes)
    {
        var ingestion = Cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value);
        foreach (var i in indexes)
        {
            _feed.Status = File.ReadAllBytes(Files[i]);
            Time.SetUtcNow(StampOf(Files[i]));
            await ingestion.Poll();
            Snapshots.Add(await ingestion.GetSnapshot());
        }
    }

    public async Task<ArchiveFlush> FlushAsync() => await Cluster.Client.GetGrain<IArchiveGrain>(SystemId.Velib.Value).Flush();

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.DisposeAsync();
        await _feed.DisposeAsync();
    }
}
