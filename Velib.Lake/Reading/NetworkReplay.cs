using System.Collections.Immutable;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Lake.Reading;

/// <summary>
/// The network rebuilt from the lake: a checkpoint, then changes applied in time order. Keeps the totals as it goes,
/// so a timeline costs one pass over the changes. Applying a change twice is harmless (the same station, the same
/// counts), which is why readers may see a row in both the spool and S3.
/// </summary>
public sealed class NetworkReplay
{
    private readonly Dictionary<long, StationChange> _latest = [];
    private int _mechanical, _ebikes, _docks, _empty, _full;

    public NetworkReplay(IEnumerable<StationChange> checkpoint)
    {
        foreach (var row in checkpoint) Apply(row);
    }

    public IReadOnlyCollection<StationChange> Latest => _latest.Values;

    public void Apply(StationChange change)
    {
        if (_latest.TryGetValue(change.StationId, out var before)) Count(before, -1);
        _latest[change.StationId] = change;
        Count(change, +1);
    }

    public TimelinePoint Totals(DateTime atUtc) =>
        new(atUtc, _latest.Count, _mechanical + _ebikes, _mechanical, _ebikes, _docks, _empty, _full);

    /// <summary>The stations, with their information as it was then (a station missing from it is named as the live join names it).</summary>
    public ImmutableArray<Station> ToStations(IReadOnlyDictionary<long, StationRow> information) =>
    [
        .. _latest.Values.Select(c => information.TryGetValue(c.StationId, out var i)
            ? new Station(c.StationId, i.StationCode, i.Name, i.Lat, i.Lon, i.Capacity, c.Mechanical, c.Ebike, c.Docks,
                c.Installed, c.Renting, c.Returning, c.LastReportedUtc, c.ObservedUtc)
            : new Station(c.StationId, c.Code, $"Station {c.Code}", 0, 0, 0, c.Mechanical, c.Ebike, c.Docks,
                c.Installed, c.Renting, c.Returning, c.LastReportedUtc, c.ObservedUtc)),
    ];

    /// <summary>Totals at <paramref name="fromUtc"/> and each step after it; <paramref name="ordered"/> are the changes after the checkpoint, oldest first.</summary>
    public ImmutableArray<TimelinePoint> Timeline(IReadOnlyList<StationChange> ordered, DateTime fromUtc, DateTime toUtc, TimeSpan step)
    {
        var points = ImmutableArray.CreateBuilder<TimelinePoint>();
        var next = 0;
        for (var at = fromUtc; at <= toUtc; at += step)
        {
            while (next < ordered.Count && ordered[next].ObservedUtc <= at) Apply(ordered[next++]);
            points.Add(Totals(at));
        }
        return points.ToImmutable();
    }

    private void Count(StationChange c, int sign)
    {
        _mechanical += sign * c.Mechanical;
        _ebikes += sign * c.Ebike;
        _docks += sign * c.Docks;
        if (c.Installed && c.Mechanical + c.Ebike == 0) _empty += sign;
        if (c.Installed && c.Docks == 0) _full += sign;
    }
}
