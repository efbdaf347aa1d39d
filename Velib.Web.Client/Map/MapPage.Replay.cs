using System.Globalization;
using Microsoft.AspNetCore.Components;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;
using Velib.Web.Live;
using Velib.Web.Replay;

namespace Velib.Web.Map;

// The replay: the network at a past time, from the lake, behind the REPLAY banner; /?at=<time> opens it.
public sealed partial class MapPage
{
    private ArchiveRange? _range;
    private DateTime? _replayAt;
    private Dictionary<long, Station> _shown = [];
    private bool _playing, _stepping;
    private int _speed = 10;
    private string? _replayProblem, _openedAt;
    private ITimer? _playTimer;

    [Inject] private IArchive Archive { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "at")] public string? At { get; set; }

    private string Describe(ArchiveRange range) => range.FirstUtc is { } first
        ? T["archive-covers", ParisTime.Format(first, "dd/MM/yyyy HH:mm"), ParisTime.Format(range.LastUtc, "dd/MM/yyyy HH:mm")]
        : T["archive-empty"];

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private async Task OpenReplayFromUrlAsync()
    {
        if (string.IsNullOrWhiteSpace(At) || At == _openedAt) return;
        _openedAt = At;
        if (!DateTimeOffset.TryParse(At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            _replayProblem = T["not-a-time", At];
            return;
        }
        await SeekAsync(at.UtcDateTime);
    }

    /// <summary>Shows the network at <paramref name="atUtc"/>; outside the archive, says what it covers and changes nothing.</summary>
    private async Task SeekAsync(DateTime atUtc)
    {
        try
        {
            await ShowAtAsync(atUtc);
        }
        catch (Exception ex) when (ArchiveUnavailable(ex))
        {
            // A rider's seek never takes the page down: the control says why, the map keeps what it shows.
            _replayProblem = T["archive-unreadable", ex.Message];
            StopPlaying();
        }
    }

    private async Task ShowAtAsync(DateTime atUtc)
    {
        _range = await Archive.GetRange();
        if (!_range.Contains(atUtc))
        {
            _replayProblem = T["outside-archive", ParisTime.Format(atUtc, "dd/MM/yyyy HH:mm"), Describe(_range)];
            StopPlaying();
            return;
        }
        var stations = await Archive.GetNetworkAt(atUtc);
        _replayProblem = null;
        if (_replayAt is null)
        {
            await _map.LoadAsync(stations);
        }
        else
        {
            // Only what differs from the frame shown: at 60 min/s that is a few hundred markers, not all of them.
            var ids = stations.Select(s => s.Id).ToHashSet();
            await _map.UpdateAsync(stations.Where(s => !_shown.TryGetValue(s.Id, out var before) || before != s), _shown.Keys.Where(id => !ids.Contains(id)));
        }
        var previousDay = _replayAt is { } p ? ParisTime.DayStartUtc(p) : (DateTime?)null;
        _replayAt = atUtc;
        _shown = stations.ToDictionary(s => s.Id);
        _totals = NetworkTotals.Of(stations);
        if (_filter.Need != StationNeed.Any) await ApplyFilterAsync(stations);
        if (_selected is not null && _shown.TryGetValue(_selected.Id, out var selected)) _selected = selected;
        _openedAt = Iso(atUtc);
        Navigation.NavigateTo(PageUrl(), replace: true);
        if (previousDay != ParisTime.DayStartUtc(atUtc)) await LoadDayAsync(atUtc);
    }

    private async Task BackToLiveAsync()
    {
        StopPlaying();
        _replayAt = null;
        _shown = [];
        _openedAt = null;
        var stations = Network.Stations;
        _totals = NetworkTotals.Of(stations);
        await _map.LoadAsync(stations);
        if (_filter.Need != StationNeed.Any) await ApplyFilterAsync(stations);
        if (_selected is not null) _selected = Network.ById(_selected.Id) ?? _selected;
        Navigation.NavigateTo(PageUrl(), replace: true);
        await LoadDayAsync(null);
    }

    private async Task TogglePlayAsync()
    {
        if (_playing)
        {
            StopPlaying();
            return;
        }
        try
        {
            _range = await Archive.GetRange();
        }
        catch (Exception ex) when (ArchiveUnavailable(ex))
        {
            _replayProblem = T["archive-unreadable", ex.Message];
            return;
        }
        if (_range.FirstUtc is not { } first) return;
        // From live, play the last 24 h (or all of a shorter archive).
        if (_replayAt is null) await SeekAsync(first > _range.LastUtc.AddDays(-1) ? first : _range.LastUtc.AddDays(-1));
        _playing = true;
        _playTimer = Time.CreateTimer(_ => InBackground(StepAsync), null, ReplaySpeed.Tick, ReplaySpeed.Tick);
    }

    private async Task StepAsync()
    {
        // A slow read skips ticks rather than queueing them: the replay never falls behind its own clock.
        if (_stepping || !_playing || _replayAt is not { } at) return;
        _stepping = true;
        try
        {
            var next = at + TimeSpan.FromMinutes(_speed * ReplaySpeed.Tick.TotalSeconds);
            if (_range is { } range && next >= range.LastUtc) await BackToLiveAsync();
            else await SeekAsync(next);
            StateHasChanged();
        }
        finally
        {
            _stepping = false;
        }
    }

    private void StopPlaying()
    {
        _playing = false;
        _playTimer?.Dispose();
        _playTimer = null;
    }
}
