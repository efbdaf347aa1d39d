using System.Net.Http.Json;
using Microsoft.Playwright;
using Velib.Contracts.Archive;
using Velib.Tests.Integration;
using Velib.Tests.Support;
using Velib.Web.Replay;

namespace Velib.Tests.Map;

/// <summary>The archive's controls as a rider uses them: the chart's span chips and the replay's date picker.</summary>
public sealed partial class MapPageTests
{
    [SharedDataFact]
    public async Task The_month_chip_turns_a_station_s_chart_into_its_last_30_days_hourly()
    {
        var station = (await ApiStations()).First(s => s.Installed);
        var page = await OpenAsync($"/?station={station.Code}");
        await page.WaitForSelectorAsync("#station-week[data-span='week']", new() { Timeout = 15_000 });
        // The week's own hourly request is answered first, so the next one is the month's.
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#station-week')?.dataset.samples) > 0", null, new() { Timeout = 15_000 });
        var asked = page.WaitForRequestAsync(r => r.Url.Contains($"/api/stations/{station.Id}/history", StringComparison.Ordinal) && r.Url.Contains("step=PT1H", StringComparison.Ordinal),
            new() { Timeout = 15_000 });

        await page.Locator("#station-week .mud-chip", new() { HasText = "Month" }).ClickAsync();

        await page.WaitForSelectorAsync("#station-week[data-span='month']", new() { Timeout = 15_000 });
        Assert.Equal("Last 30 days (bikes, hourly)", (await page.InnerTextAsync("#span-title")).Trim());
        // The month is one request thinned by the server, from 30 days before the last archived instant at most.
        var request = await asked;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        var from = DateTime.Parse(query["from"]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var to = DateTime.Parse(query["to"]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.InRange(to - from, TimeSpan.Zero, HistorySpan.Month.Length + TimeSpan.FromSeconds(1));
        await page.WaitForFunctionAsync("() => Number(document.querySelector('#station-week')?.dataset.samples) > 0", null, new() { Timeout = 15_000 });
        await Shot(page, "chart-month");
    }

    // Picking a day and the seek it makes are ReplayDayTests' (bUnit): this fixture's archive is younger than a day,
    // so its only day is the one already shown, and picking it again changes nothing.
    [SharedDataFact]
    public async Task The_replay_date_picker_opens_on_the_day_shown_and_offers_only_the_archive_s_days()
    {
        var range = await AppHostFixture.Until(() => app.Web.GetFromJsonAsync<ArchiveRange?>("/api/archive/range"), r => r?.FirstUtc is not null, Patience,
            "the archive never had a first checkpoint");
        var (first, last) = ReplayDay.Days(range!)!.Value;
        var page = await OpenAsync();

        Assert.Equal(last.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), await page.InputValueAsync("#replay-control .mud-picker input"));
        await page.Locator("#replay-control .mud-picker input").ClickAsync();
        var days = page.Locator(".mud-popover-open button.mud-day:not(.mud-hidden)");
        await days.First.WaitForAsync(new() { Timeout = 15_000 });

        Assert.Equal(DateTime.DaysInMonth(last.Year, last.Month), await days.CountAsync());
        for (var day = 1; day <= DateTime.DaysInMonth(last.Year, last.Month); day++)
        {
            var date = new DateTime(last.Year, last.Month, day);
            var offered = date >= first && date <= last;
            Assert.True(offered == await days.Nth(day - 1).IsEnabledAsync(), $"{date:yyyy-MM-dd} is {(offered ? "not " : "")}offered, the archive covering {first:yyyy-MM-dd} to {last:yyyy-MM-dd}");
        }
        Assert.Contains("mud-selected", await days.Nth(last.Day - 1).GetAttributeAsync("class"));
        await Shot(page, "replay-day-picker");
    }
}
