using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;

namespace Velib.Benchmarks;

/// <summary>Parse, and parse + diff + fan-out to station grains, of the real 1,495-station file: medians over 100 cycles.</summary>
internal static class IngestCycleBenchmark
{
    public static async Task RunAsync(string shared)
    {
        var status = File.ReadAllBytes(Path.Combine(shared, "data/velib/station_status.json"));
        var info = GbfsParser.ParseInformation(File.ReadAllBytes(Path.Combine(shared, "data/velib/station_information.json"))).Stations.ToDictionary(s => s.Id);

        var parse = Measure(100, () => GbfsParser.ParseStatus(status, VehicleTypeTable.Empty));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        GbfsParser.ParseStatus(status, VehicleTypeTable.Empty);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine($"parse station_status (1,495 stations, {status.Length:N0} B): median {parse:0.00} ms, {allocated / 1024.0:N0} KiB allocated per parse");

        var builder = new InProcessTestClusterBuilder(1);
        // No log files in the working folder (they used to land in the repository); tests that need logs pass a provider.
        builder.Options.ConfigureFileLogging = false;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Velib:S3:ServiceUrl"] = "http://127.0.0.1:9" }).Build();
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorageAsDefault().UseInMemoryReminderService().Services.AddVelibSiloServices(configuration));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var grains = cluster.Client;

        // Every cycle changes every station (counts +1/-1 alternately), the worst case for fan-out.
        var samples = new List<double>();
        var previous = new Dictionary<long, Station>();
        for (var cycle = 0; cycle < 110; cycle++)
        {
            var started = Stopwatch.GetTimestamp();
            var parsed = GbfsParser.ParseStatus(status, VehicleTypeTable.Empty);
            var stations = NetworkJoin.Join(info, parsed.Stations, out _);
            for (var i = 0; i < stations.Count; i++) stations[i] = stations[i] with { Docks = stations[i].Docks + cycle % 2 };
            var now = DateTime.UtcNow;
            var diff = NetworkDiff.Compute(previous, stations, now);
            var result = await StationFanOut.ApplyAsync(grains, diff.ForGrains, 64, now, now);
            result.ThrowIfFailed();
            previous = diff.Stations.ToDictionary(s => s.Id);
            if (cycle >= 10) samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        samples.Sort();
        Console.WriteLine($"ingest cycle, parse + diff + fan-out of 1,495 changed stations: median {samples[samples.Count / 2]:0.0} ms, p90 {samples[samples.Count * 9 / 10]:0.0} ms (100 cycles)");
    }

    private static double Measure(int runs, Action action)
    {
        for (var i = 0; i < 10; i++) action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var t = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        times.Sort();
        return times[runs / 2];
    }
}
