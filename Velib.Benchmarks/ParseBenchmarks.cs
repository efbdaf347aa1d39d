using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Velib.Benchmarks;

/// <summary>
/// The GBFS parser against its floor, a raw <see cref="Utf8JsonReader"/> token scan, on the real 1,495-station
/// <c>station_status.json</c> and <c>station_information.json</c> (nothing can read a document faster than reading its
/// tokens). Ratio = parse / floor.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class ParseBenchmarks
{
    private byte[] _status = [];
    private byte[] _information = [];

    [GlobalSetup]
    public void Load()
    {
        _status = File.ReadAllBytes(Path.Combine(SharedFolder.Find(), "data/velib/station_status.json"));
        _information = File.ReadAllBytes(Path.Combine(SharedFolder.Find(), "data/velib/station_information.json"));
    }

    [Benchmark(Baseline = true, Description = "floor: Utf8JsonReader token scan of station_status")]
    public int RawScan()
    {
        var reader = new Utf8JsonReader(_status);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    [Benchmark(Description = "GbfsParser.ParseStatus")]
    public int Parse() => GbfsParser.ParseStatus(_status, VehicleTypeTable.Empty).Stations.Count;

    [Benchmark(Description = "GbfsParser.ParseInformation")]
    public int ParseInformation() => GbfsParser.ParseInformation(_information).Stations.Count;
}
