using Velib.Contracts.Stations;
using Velib.Silo.Stations;
using Velib.Tests.Support;

namespace Velib.Tests.Stations;

[Unit]
public sealed class NetworkStateTests
{
    private static readonly DateTime T0 = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static Station Station(long id, int bikes) => new(id, $"{id}", $"Station {id}", 48.85, 2.35, 20, bikes, 0, 20 - bikes, true, true, true, T0, null);

    [Fact]
    public void After_a_switch_between_live_and_simulated_versions_carry_on_and_the_first_delta_replaces_everything()
    {
        var live = new NetworkSnapshot(5, Simulated: false, T0, T0, [Station(1, 3), Station(2, 4)]);
        var simulated = new NetworkState(simulated: true);

        Assert.False(simulated.Restore(live));
        Assert.Equal(5, simulated.Snapshot.Version);
        var diff = NetworkDiff.Compute(simulated.ById, [Station(10, 1), Station(11, 2)], T0.AddMinutes(1));
        var delta = simulated.Commit(diff, T0.AddMinutes(1), T0);

        Assert.NotNull(delta);
        Assert.True(delta.Full, "readers holding the live stations would keep them beside the simulated ones");
        Assert.Equal((5L, 6L), (delta.FromVersion, delta.ToVersion));
        Assert.Equal([10L, 11L], delta.Stations.Select(s => s.Id));
        Assert.True(simulated.ChangesSince(5).Full);
    }

    [Fact]
    public void A_snapshot_of_the_same_kind_is_restored_with_its_version_and_readers_behind_it_reload()
    {
        var state = new NetworkState(simulated: false);

        Assert.True(state.Restore(new NetworkSnapshot(7, false, T0, T0, [Station(1, 3)])));
        Assert.Equal(7, state.Snapshot.Version);
        Assert.False(state.ChangesSince(7).Full);
        Assert.True(state.ChangesSince(3).Full);
    }
}
