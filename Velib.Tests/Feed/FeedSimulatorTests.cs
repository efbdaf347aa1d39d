using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Velib.Tests.Support;

namespace Velib.Tests.Feed;

[Unit]
public sealed class FeedSimulatorTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero); // 08:00 in Paris

    [Fact]
    public async Task The_simulated_stations_are_the_real_velib_stations_of_the_bundled_list()
    {
        var simulator = new FeedSimulator(new FakeTimeProvider(Morning));

        var documents = await simulator.FetchAsync(withInformation: true, CancellationToken.None);
        var info = GbfsParser.ParseInformation(documents.Information!.Value.Span).Stations;
        var status = GbfsParser.ParseStatus(documents.Status.Span, VehicleTypeTable.Empty).Stations;

        var bundled = BundledStations.Load();
        Assert.Equal(1495, bundled.Count);
        Assert.Equal(bundled.Select(s => (s.Id, s.Code)), info.Select(s => (s.Id, s.Code)));
        Assert.Equal(bundled.Select(s => (s.Name, s.Capacity)), info.Select(s => (s.Name, s.Capacity)));
        Assert.All(bundled.Zip(info), p => Assert.True(Math.Abs(p.First.Lat - p.Second.Lat) < 1e-6 && Math.Abs(p.First.Lon - p.Second.Lon) < 1e-6, p.First.Code));
        Assert.Equal(info.Select(s => s.Id), status.Select(s => s.Id));
        Assert.Contains(status, s => s.Id >= 1L << 31);
    }

    [SharedDataFact]
    public void The_bundled_station_list_equals_the_real_station_information_it_was_derived_from()
    {
        using var real = JsonDocument.Parse(SharedData.Bytes(SharedData.Velib("station_information.json")));
        var expected = real.RootElement.GetProperty("data").GetProperty("stations").EnumerateArray()
            .Select(s => (Id: s.GetProperty("station_id").GetInt64(), Code: s.GetProperty("stationCode").GetString()!, Name: s.GetProperty("name").GetString()!,
                Lat: s.GetProperty("lat").GetDouble(), Lon: s.GetProperty("lon").GetDouble(), Capacity: s.GetProperty("capacity").GetInt32()))
            .ToList();

        var bundled = BundledStations.Load();

        Assert.Equal(expected.Select(s => (s.Id, s.Code)), bundled.Select(s => (s.Id, s.Code)));
        Assert.Equal(expected.Select(s => (s.Name, s.Capacity)), bundled.Select(s => (s.Name, s.Capacity)));
        Assert.All(expected.Zip(bundled), p => Assert.True(Math.Abs(p.First.Lat - p.Second.Lat) < 1e-6 && Math.Abs(p.First.Lon - p.Second.Lon) < 1e-6, p.First.Code));
    }

    [Fact]
    public async Task The_same_seed_and_time_give_the_same_network_whatever_was_polled_before()
    {
        var late = new FakeTimeProvider(Morning.AddHours(-5));
        var polledAllMorning = new FeedSimulator(late, seed: 12);
        for (var i = 0; i < 5 * 12; i++)
        {
            await polledAllMorning.FetchAsync(false, CancellationToken.None);
            late.Advance(TimeSpan.FromMinutes(5));
        }
        var fresh = new FeedSimulator(new FakeTimeProvider(Morning), seed: 12);
        var otherSeed = new FeedSimulator(new FakeTimeProvider(Morning), seed: 13);

        var a = await polledAllMorning.FetchAsync(true, CancellationToken.None);
        var b = await fresh.FetchAsync(true, CancellationToken.None);
        var c = await otherSeed.FetchAsync(true, CancellationToken.None);

        Assert.Equal(Morning, late.GetUtcNow());
        Assert.Equal(a.Status.ToArray(), b.Status.ToArray());
        Assert.Equal(a.Information!.Value.ToArray(), b.Information!.Value.ToArray());
        Assert.NotEqual(a.Status.ToArray(), c.Status.ToArray());
    }

    [Fact]
    public async Task Every_poll_gives_a_valid_document_and_some_stations_change_each_minute()
    {
        var time = new FakeTimeProvider(Morning);
        var simulator = new FeedSimulator(time);
        var previous = GbfsParser.ParseStatus((await simulator.FetchAsync(true, CancellationToken.None)).Status.Span, VehicleTypeTable.Empty);

        for (var minute = 1; minute <= 5; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            var current = GbfsParser.ParseStatus((await simulator.FetchAsync(false, CancellationToken.None)).Status.Span, VehicleTypeTable.Empty);
            var changed = current.Stations.Zip(previous.Stations).Count(p => p.First != p.Second);
            Assert.InRange(changed, 20, 300);
            Assert.Equal(new DateTime(2026, 11, 30, 7, minute, 0, DateTimeKind.Utc), current.Header.LastUpdatedUtc);
            previous = current;
        }
    }
}
