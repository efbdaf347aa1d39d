using System.Buffers;
using System.Text.Json;

namespace Velib.Silo.Feed.Simulation;

/// <summary>
/// The built-in simulated network: the real Vélib' stations (<see cref="BundledStations"/>) with a simulated Paris day
/// (<see cref="SimulatedNetwork"/>). It writes Vélib'-shaped GBFS documents that go through the same parser as the live feed.
/// Every document is a function of the seed and the time only.
/// </summary>
internal sealed class FeedSimulator(TimeProvider time, int seed = 75) : IFeedSource
{
    private readonly SimulatedNetwork _network = new(seed);

    public bool Simulated => true;

    public string Url => "simulated://velib";

    public Task<FeedDocuments> FetchAsync(bool withInformation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Task.FromResult(new FeedDocuments(WriteStatus(now), withInformation ? WriteInformation(now) : (ReadOnlyMemory<byte>?)null, null));
    }

    private ReadOnlyMemory<byte> WriteStatus(DateTime now)
    {
        // Vélib' refreshes last_reported in hourly batches, not with each change; mimic that.
        var reported = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero).ToUnixTimeSeconds();
        return Write(now, (writer, s) =>
        {
            var counts = _network.CountsAt(s, now);
            writer.WriteNumber("station_id", s.Id);
            writer.WriteString("stationCode", s.Code);
            writer.WriteNumber("num_bikes_available", counts.Mechanical + counts.Ebike);
            writer.WriteStartArray("num_bikes_available_types");
            writer.WriteStartObject(); writer.WriteNumber("mechanical", counts.Mechanical); writer.WriteEndObject();
            writer.WriteStartObject(); writer.WriteNumber("ebike", counts.Ebike); writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteNumber("num_docks_available", counts.Docks);
            writer.WriteNumber("is_installed", s.Installed ? 1 : 0);
            writer.WriteNumber("is_returning", s.Installed ? 1 : 0);
            writer.WriteNumber("is_renting", s.Installed ? 1 : 0);
            writer.WriteNumber("last_reported", reported);
        });
    }

    private ReadOnlyMemory<byte> WriteInformation(DateTime now) => Write(now, (writer, s) =>
    {
        writer.WriteNumber("station_id", s.Id);
        writer.WriteString("stationCode", s.Code);
        writer.WriteString("name", s.Name);
        writer.WriteNumber("lat", Math.Round(s.Lat, 6));
        writer.WriteNumber("lon", Math.Round(s.Lon, 6));
        writer.WriteNumber("capacity", s.Capacity);
    });

    private ReadOnlyMemory<byte> Write(DateTime now, Action<Utf8JsonWriter, SimulatedStation> writeStation)
    {
        var buffer = new ArrayBufferWriter<byte>(512 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("lastUpdatedOther", new DateTimeOffset(now).ToUnixTimeSeconds());
            writer.WriteNumber("ttl", 3600);
            writer.WriteStartObject("data");
            writer.WriteStartArray("stations");
            foreach (var s in _network.Stations)
            {
                writer.WriteStartObject();
                writeStation(writer, s);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }
}
