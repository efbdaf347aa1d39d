using System.Buffers;
using System.Text.Json;

namespace Velib.Silo.Feed;

/// <summary>
/// The built-in simulated network. It writes Vélib'-shaped GBFS documents that go through the same parser as
/// the live feed. Bikes flow towards the centre in the morning and back out in the evening (Paris time).
/// </summary>
internal sealed class FeedSimulator(TimeProvider time, int stationCount = 1500, int seed = 75) : IFeedSource
{
    private const double ChangeRatePerMinute = 0.06;
    private readonly Random _random = new(seed + 1);
    private IReadOnlyList<SimulatedStation>? _stations;
    private DateTime _lastStepUtc;

    public bool Simulated => true;

    public string Url => "simulated://velib";

    public Task<FeedDocuments> FetchAsync(bool withInformation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_stations is null)
        {
            _stations = SimulatedNetwork.Create(stationCount, seed, now);
            _lastStepUtc = now;
        }
        Step(now);
        return Task.FromResult(new FeedDocuments(WriteStatus(now), withInformation ? WriteInformation(now) : (ReadOnlyMemory<byte>?)null, null));
    }

    private void Step(DateTime now)
    {
        var minutes = Math.Min((now - _lastStepUtc).TotalMinutes, 60);
        if (minutes <= 0)
        {
            return;
        }
        _lastStepUtc = now;
        var changeProbability = 1 - Math.Pow(1 - ChangeRatePerMinute, minutes);
        var rhythm = Rhythm(ParisHour(now));
        foreach (var s in _stations!)
        {
            if (!s.Installed || _random.NextDouble() >= changeProbability)
            {
                continue;
            }
            var usable = s.Capacity - s.Disabled;
            var target = usable * Math.Clamp(0.45 + 0.4 * rhythm * s.Centrality, 0.02, 0.98);
            var bikes = s.Mechanical + s.Ebike;
            var delta = Math.Sign(target - bikes + (_random.NextDouble() - 0.5) * 6) * _random.Next(1, 4);
            var isEbike = _random.NextDouble() < 0.4;
            if (isEbike) s.Ebike = Math.Clamp(s.Ebike + delta, 0, usable - s.Mechanical);
            else s.Mechanical = Math.Clamp(s.Mechanical + delta, 0, usable - s.Ebike);
        }
        // Vélib' refreshes last_reported in hourly batches, not with each change; mimic that.
        if (_stations![0].LastReportedUtc.Hour != now.Hour)
        {
            foreach (var s in _stations) s.LastReportedUtc = now;
        }
    }

    /// <summary>+1 at the morning peak (bikes to the centre), -1 at the evening peak (bikes outwards).</summary>
    internal static double Rhythm(double hour) =>
        Math.Exp(-Math.Pow(hour - 8.75, 2) / 3) - Math.Exp(-Math.Pow(hour - 18.5, 2) / 4);

    private static double ParisHour(DateTime utc)
    {
        // Europe/Paris when the time-zone database is present, else CET.
        var local = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var paris)
            ? TimeZoneInfo.ConvertTimeFromUtc(utc, paris) : utc.AddHours(1);
        return local.TimeOfDay.TotalHours;
    }

    private ReadOnlyMemory<byte> WriteStatus(DateTime now) => Write(now, (writer, s) =>
    {
        writer.WriteNumber("station_id", s.Id);
        writer.WriteString("stationCode", s.Code);
        writer.WriteNumber("num_bikes_available", s.Mechanical + s.Ebike);
        writer.WriteStartArray("num_bikes_available_types");
        writer.WriteStartObject(); writer.WriteNumber("mechanical", s.Mechanical); writer.WriteEndObject();
        writer.WriteStartObject(); writer.WriteNumber("ebike", s.Ebike); writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("num_docks_available", s.Installed ? s.Docks : 0);
        writer.WriteNumber("is_installed", s.Installed ? 1 : 0);
        writer.WriteNumber("is_returning", s.Installed && s.Renting ? 1 : 0);
        writer.WriteNumber("is_renting", s.Installed && s.Renting ? 1 : 0);
        writer.WriteNumber("last_reported", new DateTimeOffset(s.LastReportedUtc).ToUnixTimeSeconds());
    });

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
            foreach (var s in _stations!)
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
