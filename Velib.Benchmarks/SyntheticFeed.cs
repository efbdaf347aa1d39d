using System.Text.Json;

namespace Velib.Benchmarks;

/// <summary>
/// A GBFS 2.3 network of any size, for cycles beyond Vélib's 1,500 stations: an information document, and two status
/// documents that differ in the counts of the first <c>changed</c> stations (so that alternating them changes exactly those).
/// </summary>
internal static class SyntheticFeed
{
    public static (byte[] Information, byte[] StatusA, byte[] StatusB) Create(int stations, int changed) =>
        (Write(w => Stations(w, stations, (i, s) =>
        {
            s.WriteString("name", $"Station {i}");
            s.WriteNumber("lat", 48.8 + i % 1000 * 0.0001);
            s.WriteNumber("lon", 2.3 + i / 1000 * 0.0001);
            s.WriteNumber("capacity", 30);
        })), Status(stations, 0), Status(stations, changed));

    private static byte[] Status(int stations, int changed) => Write(w => Stations(w, stations, (i, s) =>
    {
        var bikes = i % 20 + (i < changed ? 1 : 0);
        s.WriteNumber("num_bikes_available", bikes);
        s.WriteNumber("num_docks_available", 30 - bikes);
        s.WriteBoolean("is_installed", true);
        s.WriteBoolean("is_renting", true);
        s.WriteBoolean("is_returning", true);
        s.WriteNumber("last_reported", 1_764_000_000);
    }));

    private static void Stations(Utf8JsonWriter w, int count, Action<int, Utf8JsonWriter> fields)
    {
        w.WriteStartArray("stations");
        for (var i = 0; i < count; i++)
        {
            w.WriteStartObject();
            w.WriteString("station_id", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            fields(i, w);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> data)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("last_updated", 1_764_000_000);
            w.WriteNumber("ttl", 60);
            w.WriteString("version", "2.3");
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
