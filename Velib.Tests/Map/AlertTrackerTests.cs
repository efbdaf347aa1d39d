using Velib.Contracts.Stations;
using Velib.Web.Favourites;
using Velib.Tests.Support;

namespace Velib.Tests.Map;

/// <summary>Alerts fire once per crossing below the rider's number, and again only after a recovery.</summary>
[Unit]
public sealed class AlertTrackerTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc);

    private static Station At(int mechanical, int ebike = 5, int docks = 5) =>
        new(1, "16107", "Benjamin Godard - Victor Hugo", 48.866, 2.276, 35, mechanical, ebike, docks, true, true, true, null, null);

    private static List<FiredAlert> Observe(AlertTracker tracker, Favourite favourite, Station station) =>
        tracker.Observe([favourite], code => code == station.Code ? station : null, Now);

    [Fact]
    public void A_drop_below_the_number_fires_once_and_again_only_after_a_recovery()
    {
        var tracker = new AlertTracker();
        var watch = new Favourite("16107", AlertMechanical: true, Threshold: 2);

        Assert.Empty(Observe(tracker, watch, At(4)));
        var fired = Observe(tracker, watch, At(1));
        Assert.Empty(Observe(tracker, watch, At(0)));
        Assert.Empty(Observe(tracker, watch, At(2)));
        var again = Observe(tracker, watch, At(1));

        Assert.Equal([(AlertKind.Mechanical, 1, 2)], fired.Select(a => (a.Kind, a.Value, a.Threshold)));
        Assert.Single(again);
    }

    [Fact]
    public void A_station_already_short_when_watching_starts_is_a_baseline_not_an_alert()
    {
        var tracker = new AlertTracker();

        Assert.Empty(Observe(tracker, new Favourite("16107", AlertDocks: true), At(5, docks: 0)));
        Assert.Empty(Observe(tracker, new Favourite("16107", AlertDocks: true), At(5, docks: 1)));
    }

    [Fact]
    public void Only_the_counts_the_rider_watches_raise_alerts()
    {
        var tracker = new AlertTracker();
        var ebikesOnly = new Favourite("16107", AlertEbike: true, Threshold: 3);

        Observe(tracker, ebikesOnly, At(9, ebike: 9, docks: 9));
        var fired = Observe(tracker, ebikesOnly, At(0, ebike: 2, docks: 0));

        Assert.Equal([AlertKind.Ebike], fired.Select(a => a.Kind));
    }
}
