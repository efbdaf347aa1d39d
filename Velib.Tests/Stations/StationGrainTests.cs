using Velib.Contracts.Systems;
using Orleans.Runtime;
using Velib.Contracts.Feed;
using Velib.Contracts.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

/// <summary>Station grains keep their state in grain storage, so a new activation serves the same data.</summary>
[Grain]
public sealed class StationGrainTests : RecordedClusterTest
{
    private async Task<int> StationActivations()
    {
        var stats = await Cluster.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return stats.Where(s => s.GrainType.Contains("StationGrain", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }

    [SharedDataFact]
    public async Task A_station_collected_while_idle_serves_the_same_detail_and_history_when_it_comes_back()
    {
        var ingestion = Ingestion;
        foreach (var file in Directory.GetFiles(Series, "station_status_*.json").Order().Take(4))
        {
            Feed.Status = File.ReadAllBytes(file);
            await ingestion.Poll();
        }
        var ids = (await ingestion.GetSnapshot()).Stations.Take(50).Select(s => s.Id).ToArray();
        var before = await Task.WhenAll(ids.Select(id => Cluster.Client.GetStation(SystemId.Velib, id).GetDetail()));
        Assert.True(await StationActivations() >= ids.Length);

        // What Orleans does to a station that stays quiet for its collection age.
        await Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await StationActivations());

        var after = await Task.WhenAll(ids.Select(id => Cluster.Client.GetStation(SystemId.Velib, id).GetDetail()));
        Assert.All(before.Zip(after), pair =>
        {
            Assert.NotNull(pair.Second);
            // The station comes back from the network, whose last_reported may be newer: station grains hear only
            // of availability or information changes, not of a station merely reporting again.
            Assert.Equal(pair.First!.Station with { LastReportedUtc = null }, pair.Second.Station with { LastReportedUtc = null });
            Assert.True(pair.Second.Station.LastReportedUtc >= pair.First.Station.LastReportedUtc);
            Assert.Equal(pair.First.History.ToArray(), pair.Second.History.ToArray());
        });
        Assert.Contains(after, d => d!.History.Length > 1);
    }

    [Fact]
    public async Task A_repeated_observation_is_not_a_change_and_an_older_one_is_ignored()
    {
        var grain = Cluster.Client.GetStation(SystemId.Velib, -77);
        // The grain keeps the 24 h before the feed's clock, the system's in this cluster, so the observations sit an
        // hour back from now; a fixed date would fall out of the window a day later.
        var t0 = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1);
        var station = new Station(-77, "77", "Test", 48.85, 2.35, 20, 3, 2, 15, true, true, true, t0, null);

        await grain.Apply(station, t0, t0);
        await grain.Apply(station, t0.AddMinutes(1), t0);
        await grain.Apply(station with { Mechanical = 9 }, t0.AddSeconds(-30), t0);
        await grain.Apply(station with { Mechanical = 4 }, t0.AddMinutes(2), t0);

        // Neither the repeat (a second 3) nor the older observation (9) is in the history.
        var detail = await grain.GetDetail();
        Assert.Equal([(3, t0), (4, t0.AddMinutes(2))], detail!.History.Select(c => (c.Mechanical, c.ObservedUtc)));
        Assert.Equal(4, detail.Station.Mechanical);
    }
}
