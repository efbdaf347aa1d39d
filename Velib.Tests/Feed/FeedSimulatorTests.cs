using Velib.Contracts.Stations;
using Microsoft.Extensions.Time.Testing;
using Velib.Silo.Feed;

namespace Velib.Tests.Feed;

public sealed class FeedSimulatorTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero); // 08:00 in Paris

    [Fact]
    public async Task The_simulated_network_is_about_1500_realistic_stations_inside_the_velib_footprint()
    {
        var simulator = new FeedSimulator(new FakeTimeProvider(Morning));

        var documents = await simulator.FetchAsync(withInformation: true, CancellationToken.None);
        var info = GbfsParser.ParseInformation(documents.Information!.Value.Span);
        var status = GbfsParser.ParseStatus(documents.Status.Span, VehicleTypeTable.Empty);

        Assert.InRange(info.Stations.Count, 1400, 1600);
        Assert.Equal(info.Stations.Count, status.Stations.Count);
        Assert.Equal(info.Stations.Count, info.Stations.Select(s => s.Code).Distinct().Count());
        Assert.All(info.Stations, s => Assert.InRange(s.Capacity, 10, 70));
        Assert.All(info.Stations, s => Assert.InRange(s.Lat, 48.76, 48.96));
        Assert.All(info.Stations, s => Assert.InRange(s.Lon, 2.15, 2.55));
        Assert.Contains(status.Stations, s => s.Id >= 1L << 31);
        Assert.InRange(status.Stations.Count(s => !s.Installed || !s.Renting), 1, 60);
        var ebikeShare = (double)status.Stations.Sum(s => s.Ebike) / status.Stations.Sum(s => s.Mechanical + s.Ebike);
        Assert.InRange(ebikeShare, 0.25, 0.55);
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

    [Theory]
    [InlineData(8.75, 1.0)]
    [InlineData(18.5, -1.0)]
    [InlineData(3.0, 0.0)]
    public void Bikes_flow_to_the_centre_in_the_morning_and_out_in_the_evening(double hour, double expected)
    {
        Assert.Equal(expected, FeedSimulator.Rhythm(hour), precision: 1);
    }

    [Fact]
    public async Task In_the_morning_central_stations_fill_up_while_outer_ones_empty()
    {
        var time = new FakeTimeProvider(Morning.AddHours(-3));
        var simulator = new FeedSimulator(time);
        var info = GbfsParser.ParseInformation((await simulator.FetchAsync(true, CancellationToken.None)).Information!.Value.Span).Stations;
        for (var i = 0; i < 4 * 60; i++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await simulator.FetchAsync(false, CancellationToken.None);
        }
        var status = GbfsParser.ParseStatus((await simulator.FetchAsync(false, CancellationToken.None)).Status.Span, VehicleTypeTable.Empty).Stations;
        var byId = info.ToDictionary(s => s.Id);
        double Fill(Func<StationInfo, bool> where) => status.Where(s => where(byId[s.Id]) && byId[s.Id].Capacity > 0)
            .Average(s => (double)(s.Mechanical + s.Ebike) / byId[s.Id].Capacity);

        var centre = Fill(s => Math.Abs(s.Lat - 48.8566) < 0.015 && Math.Abs(s.Lon - 2.3522) < 0.03);
        var outer = Fill(s => Math.Abs(s.Lat - 48.8566) > 0.04 || Math.Abs(s.Lon - 2.3522) > 0.1);
        Assert.True(centre > outer + 0.15, $"centre {centre:P0}, outer {outer:P0}");
    }
}
