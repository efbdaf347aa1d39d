using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Velib.Benchmarks;

/// <summary>
/// The GBFS parser against its floor, a raw <see cref="Utf8JsonReader"/> token scan, on the real 1,495-station
/// <c>station_status.json</c> and <c>station_information.json</c> (nothing can read a document faster than reading its
/// tokens). Ratio = parse / floor. The same status with one record in a hundred bad (a count of the wrong type, an id
/// of the wrong type, a flag out of range, a null flag, in turn) measures what a skipped record costs.
/// </summary>
[MemoryDiagnoser, MedianColumn]
public class ParseBenchmarks
{
    private byte[] _status = [];
    private byte[] _information = [];
    private byte[] _withBadRecords = [];

    [GlobalSetup]
    public void Load()
    {
        _status = File.ReadAllBytes(Path.Combine(SharedFolder.Find(), "data/velib/station_status.json"));
        _information = File.ReadAllBytes(Path.Combine(SharedFolder.Find(), "data/velib/station_information.json"));
        _withBadRecords = WithBadRecords(_status);
    }

    private static byte[] WithBadRecords(byte[] status)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(status)!;
        var stations = document["data"]!["stations"]!.AsArray();
        for (var i = 0; i < stations.Count; i += 100)
        {
            var station = stations[i]!.AsObject();
            switch (i / 100 % 4)
            {
                case 0: station["num_bikes_available"] = "three"; break;
                case 1: station["station_id"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 1 }; break;
                case 2: station["is_installed"] = 7; break;
                default: station["is_renting"] = null; break;
            }
        }
        var bad = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
        var skipped = GbfsParser.ParseStatus(bad, VehicleTypeTable.Empty).Skipped - GbfsParser.ParseStatus(status, VehicleTypeTable.Empty).Skipped;
        if (skipped != (stations.Count + 99) / 100) throw new InvalidOperationException($"{skipped} records skipped, not one in a hundred");
        return bad;
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

    [Benchmark(Description = "GbfsParser.ParseStatus, one record in 100 bad")]
    public int ParseWithBadRecords() => GbfsParser.ParseStatus(_withBadRecords, VehicleTypeTable.Empty).Stations.Count;

    [Benchmark(Description = "GbfsParser.ParseInformation")]
    public int ParseInformation() => GbfsParser.ParseInformation(_information).Stations.Count;
}
