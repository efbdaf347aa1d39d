using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Velib.Contracts.Forecast;
using Velib.Contracts.Stations;
using Velib.Tests.Forecast;
using Velib.Tests.Support;
using Velib.Web;
using Velib.Web.Favourites;

namespace Velib.Tests.Map;

/// <summary>My stations' forecast alert in French and English: the odds it watches, or why there are none, and the alert's words.</summary>
[Unit]
public sealed class MyStationsForecastTests : IAsyncLifetime
{
    private static readonly Station Godard = new(1, "16107", "Benjamin Godard", 48.866, 2.276, 35, 3, 1, 20, true, true, true, null, null);

    private readonly BunitContext _context = VelibBunit.Context();
    private FavouriteStore _store = null!;
    private int _changes;

    public async Task InitializeAsync()
    {
        // Local storage answers nothing in bUnit's loose mode: an empty list, then the rider's star.
        _store = new FavouriteStore(_context.JSInterop.JSRuntime);
        await _store.LoadAsync();
        await _store.ToggleAsync("16107");
        await _store.UpdateAsync(new Favourite("16107", AlertSoonEmpty: true));
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IStringLocalizer<Text> T => _context.Services.GetRequiredService<IStringLocalizer<Text>>();

    private IRenderedComponent<MyStations> Render(StationForecast? forecast, bool failed = false) => _context.Render<MyStations>(p => p
        .Add(c => c.Store, _store).Add(c => c.ByCode, code => code == Godard.Code ? Godard : null)
        .Add(c => c.Forecasts, forecast is null ? null : new Dictionary<long, StationForecast> { [1] = forecast })
        .Add(c => c.ForecastsFailed, failed).Add(c => c.OnChanged, () => _changes++));

    private static string Status(IRenderedComponent<MyStations> list) => list.Find("[data-forecast='16107']").TextContent;

    [Fact]
    public void In_english_the_list_shows_the_odds_in_30_minutes_and_offers_both_forecast_alerts()
    {
        using var english = new CultureScope("en");

        var list = Render(new StationForecast(1, 0.12, 0.1, 0.05, 0.971));

        Assert.Equal("In 30 min: 12 % chance of a bike, 97 % of a free dock", Status(list));
        Assert.Contains("Likely no bike within 30 min (forecast below 20 %)", list.Markup);
        Assert.Contains("Likely no free dock within 30 min (forecast below 20 %)", list.Markup);
    }

    [Fact]
    public void A_station_without_history_is_said_to_have_no_forecast_alert_yet_with_no_number()
    {
        using var french = new CultureScope("fr");

        var list = Render(new StationForecast(1, null, null, null, null, ForecastReasons.NoHistory));

        Assert.Equal("Pas d'alerte à 30 min pour l'instant : l'historique de cette station est trop court pour une prévision.", Status(list));
        Assert.DoesNotContain("%", Status(list));
        Assert.Equal("La prévision est indisponible pour le moment.", Status(Render(null, failed: true)));
    }

    [Fact]
    public async Task Ticking_likely_full_turns_that_alert_on_and_tells_the_page()
    {
        var list = Render(null);

        await list.InvokeAsync(() => list.Find("input[data-alert='SoonFull']").Change(true));

        Assert.Equal(new Favourite("16107", AlertSoonEmpty: true, AlertSoonFull: true), _store.Get("16107"));
        Assert.Equal(1, _changes);
    }

    [Fact]
    public void A_forecast_alert_says_likely_no_bike_in_both_languages()
    {
        var alert = new FiredAlert("16107", "Benjamin Godard", AlertKind.SoonEmpty, 12, 20, DateTime.UnixEpoch);
        var full = alert with { Kind = AlertKind.SoonFull, Value = 8 };

        using (new CultureScope("en"))
        {
            Assert.Equal("Benjamin Godard: likely no bike within 30 min (12 % chance of one, below 20 %)", AlertText.Of(T, alert));
            Assert.Equal("Benjamin Godard: likely no free dock within 30 min (8 % chance of one, below 20 %)", AlertText.Of(T, full));
        }
        using (new CultureScope("fr"))
        {
            Assert.Equal("Benjamin Godard : probablement plus de vélo d'ici 30 min (12 % de chances d'en trouver un, moins de 20 %)", AlertText.Of(T, alert));
        }
    }
}
