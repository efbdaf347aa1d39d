using Microsoft.Extensions.Time.Testing;
using Velib.Silo.Feed;
using Velib.Silo.Feed.Simulation;
using Xunit.Abstractions;
using Velib.Tests.Support;

namespace Velib.Tests.Feed;

/// <summary>The simulated day looks like the city's: measured on the documents the simulator writes, as a reader would.</summary>
[Unit]
public sealed class ParisDynamicsTests(ITestOutputHelper output)
{
    // A Monday in winter: Paris is UTC+1.
    private static DateTimeOffset Paris(int hour, int minute = 0) => new(2026, 11, 30, hour, minute, 0, TimeSpan.FromHours(1));

    private static async Task<IReadOnlyList<(SimulatedStation Station, StationStatusRecord Status)>> At(DateTimeOffset time, int seed = 75)
    {
        var documents = await new FeedSimulator(new FakeTimeProvider(time), seed).FetchAsync(false, CancellationToken.None);
        var status = GbfsParser.ParseStatus(documents.Status.Span, VehicleTypeTable.Empty).Stations;
        return [.. new SimulatedNetwork(seed).Stations.Zip(status, (s, r) => (s, r))];
    }

    private static double Fill(IEnumerable<(SimulatedStation Station, StationStatusRecord Status)> stations) =>
        stations.Where(s => s.Station.Installed).Average(s => (double)(s.Status.Mechanical + s.Status.Ebike) / s.Station.Capacity);

    [Theory]
    [InlineData(8, 75)]
    [InlineData(13, 75)]
    [InlineData(19, 75)]
    [InlineData(8, 3)]
    [InlineData(13, 3)]
    [InlineData(19, 3)]
    public async Task At_any_hour_2_to_5_percent_of_stations_are_empty_1_to_3_percent_full_and_a_few_out_of_service(int hour, int seed)
    {
        var stations = await At(Paris(hour), seed);

        // Counted as the map and the gauges count them (NetworkTotals): installed stations only.
        double Share(Func<StationStatusRecord, bool> where) => (double)stations.Count(s => where(s.Status)) / stations.Count;
        var empty = Share(s => s.Installed && s.Mechanical + s.Ebike == 0);
        var full = Share(s => s.Installed && s.Docks == 0);
        var outOfService = Share(s => !s.Installed || !s.Renting);
        output.WriteLine($"{hour:00}:00 in Paris, seed {seed}: {empty:P1} empty, {full:P1} full, {outOfService:P1} out of service");

        Assert.InRange(empty, 0.02, 0.05);
        Assert.InRange(full, 0.01, 0.03);
        Assert.InRange(outOfService, 0.005, 0.015);
    }

    [Fact]
    public async Task In_the_morning_bikes_flow_to_the_offices_and_in_the_evening_back_home()
    {
        var night = await At(Paris(6));
        var noon = await At(Paris(12));
        var evening = await At(Paris(21));
        bool Offices((SimulatedStation Station, StationStatusRecord) s) => s.Station.Business > 0.5;
        bool Homes((SimulatedStation Station, StationStatusRecord) s) => s.Station.Business < 0.05 && s.Station.Hill < 0.05;

        output.WriteLine($"offices {Fill(night.Where(Offices)):P0} → {Fill(noon.Where(Offices)):P0} → {Fill(evening.Where(Offices)):P0}; " +
            $"homes {Fill(night.Where(Homes)):P0} → {Fill(noon.Where(Homes)):P0} → {Fill(evening.Where(Homes)):P0}");
        Assert.True(Fill(noon.Where(Offices)) > Fill(night.Where(Offices)) + 0.15, "offices did not fill in the morning");
        Assert.True(Fill(evening.Where(Offices)) < Fill(noon.Where(Offices)) - 0.15, "offices did not empty in the evening");
        Assert.True(Fill(noon.Where(Homes)) < Fill(night.Where(Homes)) - 0.03, "homes did not empty in the morning");
        Assert.True(Fill(evening.Where(Homes)) > Fill(noon.Where(Homes)) + 0.03, "homes did not fill again in the evening");
    }

    [Fact]
    public async Task Montmartre_belleville_and_menilmontant_empty_through_the_day()
    {
        var morning = await At(Paris(6, 30));
        var night = await At(Paris(22));
        var hills = morning.Where(s => s.Station.Hill > 0.5).ToList();

        Assert.InRange(hills.Count, 20, 150);
        Assert.Contains(hills, s => s.Station.Name.Contains("Abbesses", StringComparison.Ordinal) || s.Station.Name.Contains("Tertre", StringComparison.Ordinal));
        var emptyAtNight = night.Count(s => s.Station.Hill > 0.5 && s.Status.Mechanical + s.Status.Ebike == 0);
        output.WriteLine($"{hills.Count} hilly stations: {Fill(hills):P0} full at 06:30, {Fill(night.Where(s => s.Station.Hill > 0.5)):P0} at 22:00, {emptyAtNight} empty");
        Assert.True(Fill(night.Where(s => s.Station.Hill > 0.5)) < Fill(hills) - 0.15, "the buttes did not drain");
    }

    [Fact]
    public async Task E_bikes_go_first()
    {
        static double EbikeShare(IEnumerable<(SimulatedStation, StationStatusRecord Status)> s) =>
            (double)s.Sum(x => x.Status.Ebike) / s.Sum(x => x.Status.Mechanical + x.Status.Ebike);
        var morning = await At(Paris(7));
        var evening = await At(Paris(19));

        output.WriteLine($"e-bike share of docked bikes: {EbikeShare(morning):P0} at 07:00, {EbikeShare(evening):P0} at 19:00");
        Assert.InRange(EbikeShare(morning), 0.3, 0.55);
        Assert.InRange(EbikeShare(evening), 0.2, 0.45);
        Assert.True(EbikeShare(evening) < EbikeShare(morning) - 0.05);
        // Where bikes are short, e-bikes are shorter still.
        var low = evening.Where(s => s.Status.Mechanical + s.Status.Ebike is > 0 and <= 3).ToList();
        Assert.True(EbikeShare(low) < EbikeShare(evening), $"{EbikeShare(low):P0} at low stations");
    }
}
