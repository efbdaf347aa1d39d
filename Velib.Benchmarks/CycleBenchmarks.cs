using Velib.Contracts.Systems;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Ingestion;
using StackExchange.Redis;
using Velib.Benchmarks.Lake;
using Velib.Silo.Stations;
using Velib.Contracts.Archive;
using Velib.Contracts.Feed;
using Velib.Silo;
using Velib.ServiceDefaults;

namespace Velib.Benchmarks;

/// <summary>
/// One ingest cycle as the grain runs it: parse → join → diff (<see cref="IngestCycle"/>), the store write (the
/// archive grain's spool append, which also writes the recent log the station grains are rebuilt from), then the
/// fan-out to the station grains, on an in-process cluster. Station grains write no state of their own since
/// issue 19, so the store write is the spool's. Each invocation alternates two documents, so exactly
/// <see cref="Changed"/> stations change (-1: all of them).
/// </summary>
[MemoryDiagnoser]
// The silo is an ASP.NET Core app, so it runs the server GC; measured the same way here.
[GcServer(true)]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 10)]
public class CycleBenchmarks
{
    private InProcessTestCluster _cluster = null!;
    private FeedCatalog _catalog = null!;
    private byte[] _a = [], _b = [];
    private Dictionary<long, Station> _previous = [];
    private IGrainFactory _grains = null!;
    private LocalStore? _store;
    private long[] _changing = [];
    private bool _flip;
    private DateTime _now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    [Params(1_500, 100_000)]
    public int Stations { get; set; }

    [Params(500, -1)]
    public int Changed { get; set; }

    /// <summary>
    /// <c>garnet</c>: the cycle's store write as the app makes it (the spool's append script, with the recent log)
    /// into a Garnet in this process without its AOF, grain storage there too. <c>memory</c>: no store write at all
    /// (memory grain storage; the store is only read, when station grains activate).
    /// </summary>
    [Params("garnet", "memory")]
    public string Store { get; set; } = "garnet";

    [GlobalSetup]
    public async Task Setup()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Velib:S3:ServiceUrl"] = "http://127.0.0.1:9" }).Build();
        // Station grains read their history from the store's recent log when they activate, so both variants need one.
        // In this process, as before: with Velib.Store as a process of its own (StoreProcess) the first cycle's
        // activations timed out (128 of 1,500 station calls after 30 s; not understood yet), so the AOF is not in here.
        _store = new LocalStore("1g");
        var connection = _store.ConnectionString;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddVelibStore(connection);
            if (Store == "garnet") silo.AddRedisGrainStorageAsDefault(o => o.ConfigurationOptions = ConfigurationOptions.Parse(connection));
            else silo.AddMemoryGrainStorageAsDefault();
            silo.UseInMemoryReminderService().AddVelibStateFormat().Services.AddVelibSiloServices(configuration);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        // The fan-out runs inside the silo, as the ingestion grain's does: no client connection in between.
        _grains = _cluster.GetSiloServiceProvider().GetRequiredService<IGrainFactory>();
        var (information, a, b) = SyntheticFeed.Create(Stations, Changed < 0 ? Stations : Changed);
        (_a, _b) = (a, b);
        _catalog = new FeedCatalog(TimeSpan.FromDays(1));
        // The first cycle activates every station grain and reads the information document; it is not measured.
        var first = IngestCycle.Run(_catalog, new FeedDocuments(_a, information, null), _previous, _now);
        _catalog.Commit(first.Parsed);
        (await StationFanOut.ApplyAsync(_grains, first.Diff.ForGrains, 64, _now, _now)).ThrowIfFailed();
        _previous = first.Diff.Stations.ToDictionary(s => s.Id);
        _changing = [.. IngestCycle.Run(_catalog, new FeedDocuments(_b, null, null), _previous, _now.AddMinutes(1)).Diff.ForGrains.Select(s => s.Id)];
    }

    /// <summary>
    /// The floor under a cycle: one call to each station grain a cycle would change, with the same 64 calls in
    /// flight, to a method that only reads memory. No parse, no diff, no state write.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<int> CallsOnly()
    {
        var next = -1;
        var answered = 0;
        await Task.WhenAll(Enumerable.Range(0, Math.Min(64, _changing.Length)).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < _changing.Length; i = Interlocked.Increment(ref next))
            {
                if (await _grains.GetStation(SystemId.Velib, _changing[i]).GetDetail() is not null) Interlocked.Increment(ref answered);
            }
        }));
        return answered;
    }

    [Benchmark]
    public async Task<int> Cycle()
    {
        _flip = !_flip;
        _now = _now.AddMinutes(1);
        var cycle = IngestCycle.Run(_catalog, new FeedDocuments(_flip ? _b : _a, null, null), _previous, _now);
        // Durable before the fan-out, as in the ingestion grain: the spool and the recent log in one script.
        if (Store == "garnet") await _grains.GetGrain<IArchiveGrain>(SystemId.Velib.Value).Append(cycle.Changes);
        (await StationFanOut.ApplyAsync(_grains, cycle.Diff.ForGrains, 64, _now, _now)).ThrowIfFailed();
        _previous = cycle.Diff.Stations.ToDictionary(s => s.Id);
        return cycle.Changes.Length;
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        // The silo runs in this process: its working set is the silo's RSS at this network size.
        Console.WriteLine($"// RSS with {Stations:N0} station grains: {Environment.WorkingSet / 1024 / 1024:N0} MiB"
            + " (Garnet in the same process)");
        await _cluster.DisposeAsync();
        _store?.Dispose();
    }
}
