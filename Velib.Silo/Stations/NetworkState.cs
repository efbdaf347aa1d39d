using System.Collections.Immutable;
using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>The versioned snapshot and the recent deltas that let a reader catch up without a full reload.</summary>
internal sealed class NetworkState(bool simulated)
{
    private const int RecentDeltas = 120;
    private readonly LinkedList<NetworkDelta> _recent = new();
    private Dictionary<long, Station> _byId = [];
    private bool _replaceAll;

    public NetworkSnapshot Snapshot { get; private set; } = NetworkSnapshot.Empty(simulated);

    public IReadOnlyDictionary<long, Station> ById => _byId;

    /// <summary>
    /// Starts from a persisted snapshot of the same kind (live or simulated): same version, no recent deltas, so a
    /// reader behind it gets a full reload. For the other kind the network starts empty, but its versions carry on
    /// from the saved one, so that a version (an ETag, a <c>since</c>) never names two different networks.
    /// Returns false when nothing was restored. <paramref name="versionGap"/> moves the version past any that the
    /// previous activation could have reached after it saved <paramref name="saved"/>: the network is saved only now
    /// and then, so versions between that save and the restart named networks that this one does not rebuild
    /// exactly (a reader holding one must reload, not be told "no changes").
    /// </summary>
    public bool Restore(NetworkSnapshot? saved, long versionGap = 0)
    {
        if (saved is not null && versionGap > 0) saved = saved with { Version = saved.Version + versionGap };
        if (saved is null) return false;
        if (saved.Simulated != simulated)
        {
            Snapshot = NetworkSnapshot.Empty(simulated) with { Version = saved.Version };
            // Readers hold the other kind's stations: the first delta replaces them all.
            _replaceAll = true;
            return false;
        }
        Snapshot = saved;
        _byId = saved.Stations.ToDictionary(s => s.Id);
        return true;
    }

    /// <summary>
    /// Brings restored stations to the availability of changes made after the snapshot was saved (the recent log),
    /// in order. Not a new version: readers reload from a restore anyway.
    /// </summary>
    public void Replay(IEnumerable<StationChange> changes)
    {
        var any = false;
        foreach (var c in changes)
        {
            if (!_byId.TryGetValue(c.StationId, out var s)) continue;
            _byId[c.StationId] = s with
            {
                Mechanical = c.Mechanical, Ebike = c.Ebike, Docks = c.Docks, Installed = c.Installed, Renting = c.Renting,
                Returning = c.Returning, LastReportedUtc = c.LastReportedUtc, LastChangeUtc = c.ObservedUtc,
            };
            any = true;
        }
        if (any) Snapshot = Snapshot with { Stations = [.. Snapshot.Stations.Select(s => _byId[s.Id])] };
    }

    /// <summary>Makes <paramref name="diff"/> the new version. Returns the delta to push, or null when nothing changed.</summary>
    public NetworkDelta? Commit(NetworkDiff diff, DateTime observedUtc, DateTime? feedUpdatedUtc)
    {
        var version = Snapshot.Version + (diff.IsEmpty ? 0 : 1);
        Snapshot = new NetworkSnapshot(version, simulated, observedUtc, feedUpdatedUtc, [.. diff.Stations]);
        if (diff.IsEmpty)
        {
            return null;
        }
        _byId = diff.Stations.ToDictionary(s => s.Id);
        if (_replaceAll)
        {
            _replaceAll = false;
            return new NetworkDelta(version - 1, version, simulated, observedUtc, Full: true, Snapshot.Stations, []);
        }
        var delta = new NetworkDelta(version - 1, version, simulated, observedUtc, Full: false, [.. diff.Changed], [.. diff.Removed]);
        _recent.AddLast(delta);
        if (_recent.Count > RecentDeltas)
        {
            _recent.RemoveFirst();
        }
        return delta;
    }

    /// <summary>Changes after <paramref name="version"/>, merged; the full snapshot when that version is unknown.</summary>
    public NetworkDelta ChangesSince(long version)
    {
        var current = Snapshot;
        if (version == current.Version)
        {
            return new NetworkDelta(version, version, simulated, current.ObservedUtc, false, [], []);
        }
        if (_recent.First is null || version < _recent.First.Value.FromVersion || version > current.Version)
        {
            return new NetworkDelta(version, current.Version, simulated, current.ObservedUtc, Full: true, current.Stations, []);
        }
        var steps = _recent.Where(d => d.FromVersion >= version).ToList();
        var (changed, removed) = NetworkSteps.Since(steps, d => d.Stations.Select(s => s.Id), d => d.Removed, _byId);
        return new NetworkDelta(version, current.Version, simulated, current.ObservedUtc, false, changed, removed);
    }
}
