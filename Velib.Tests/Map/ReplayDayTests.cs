using Bunit;
using MudBlazor;
using MudBlazor.Extensions;
using Velib.Contracts.Archive;
using Velib.Tests.Forecast;
using Velib.Tests.Support;
using Velib.Web.Replay;

namespace Velib.Tests.Map;

/// <summary>The replay's date picker: any day of the archive, at the time of day shown, kept inside what the archive covers.</summary>
[Unit]
public sealed class ReplayDayTests : IAsyncLifetime
{
    // The imported months start on 10 Nov 2025; "now" is 1 Dec 2026, 17:00 in Paris.
    private static readonly ArchiveRange Imported = new(new DateTime(2025, 11, 10, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc));
    private static readonly DateTime Shown = new(2026, 11, 30, 7, 30, 0, DateTimeKind.Utc); // 08:30 in Paris

    private readonly BunitContext _context = VelibBunit.Context();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public void A_picked_day_keeps_the_paris_time_of_day_shown_across_a_change_of_summer_time()
    {
        Assert.Equal(new DateTime(2026, 1, 15, 7, 30, 0, DateTimeKind.Utc), ReplayDay.Target(new DateTime(2026, 1, 15), Shown, Imported));
        // 08:30 in April is summer time, UTC+2.
        Assert.Equal(new DateTime(2026, 4, 12, 6, 30, 0, DateTimeKind.Utc), ReplayDay.Target(new DateTime(2026, 4, 12), Shown, Imported));
        // 02:30 does not exist on 29 March 2026 in Paris: read as 03:30 summer time.
        Assert.Equal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc),
            ReplayDay.Target(new DateTime(2026, 3, 29), new DateTime(2026, 11, 30, 1, 30, 0, DateTimeKind.Utc), Imported));
    }

    [Fact]
    public void The_first_and_last_days_are_clamped_to_the_archive_and_the_picker_is_bounded_by_them()
    {
        // 08:30 on 10 Nov 2025 is before the first checkpoint (10:00 in Paris); 08:30... tomorrow is after now.
        Assert.Equal(Imported.FirstUtc, ReplayDay.Target(new DateTime(2025, 11, 10), Shown, Imported));
        Assert.Equal(Imported.LastUtc, ReplayDay.Target(new DateTime(2026, 12, 1), new DateTime(2026, 11, 30, 20, 0, 0, DateTimeKind.Utc), Imported));
        Assert.Equal((new DateTime(2025, 11, 10), new DateTime(2026, 12, 1)), ReplayDay.Days(Imported));
        Assert.Null(ReplayDay.Days(new ArchiveRange(null, Imported.LastUtc)));
    }

    [Fact]
    public void Picking_a_day_in_the_control_seeks_the_replay_to_that_day_at_the_time_shown()
    {
        using var english = new CultureScope("en-GB");
        var seeks = new List<DateTime>();

        var control = _context.Render<ReplayControl>(p => p.Add(c => c.Range, Imported).Add(c => c.At, Shown).Add(c => c.OnSeek, (DateTime at) => seeks.Add(at)));
        var picker = control.FindComponent<MudDatePicker>();
        control.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2025, 12, 24)));

        Assert.Equal(new DateTime(2025, 11, 10), picker.Instance.GetState(x => x.MinDate));
        Assert.Equal(new DateTime(2026, 12, 1), picker.Instance.GetState(x => x.MaxDate));
        Assert.Equal(new DateTime(2026, 11, 30), picker.Instance.Date);
        Assert.Contains("Go to a day", control.Markup);
        Assert.Equal([new DateTime(2025, 12, 24, 7, 30, 0, DateTimeKind.Utc)], seeks);
    }

    [Fact]
    public void An_empty_archive_offers_no_day_to_pick()
    {
        var control = _context.Render<ReplayControl>(p => p.Add(c => c.Range, new ArchiveRange(null, Imported.LastUtc)));

        Assert.Empty(control.FindComponents<MudDatePicker>());
    }
}
