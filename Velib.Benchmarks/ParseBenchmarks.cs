using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Velib.Gbfs;

namespace Velib.Benchmarks;

/// <summary>
/// The parser against its floor: a raw <see cref="Utf8JsonReader"/> token scan of the same real 1,495-station
/// <c>station_status.json</c> (nothing can read the document faster than reading its tokens). Ratio = parse / floor.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] _status = [];

    [GlobalSetup]
    public void Load() => _status = File.ReadAllBytes(Path.Combine(SharedFolder.Find(), "data/velib/station_status.json"));

    [Benchmark(Baseline = true, Description = "floor: Utf8JsonReader token scan")]
    public int RawScan()
    {
        var reader = new Utf8JsonReader(_status);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark(Description = "GbfsParser.ParseStatus")]
    public int Parse() => GbfsParser.ParseStatus(_status, VehicleTypeTable.Empty).Stations.Count;
}
