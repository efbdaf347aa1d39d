using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>What one cycle changed, compared with the previous snapshot.</summary>
/// <param name="Stations">Every station now, with <see cref="Station.LastChangeUtc"/> carried over or set.</param>
/// <param name="Changed">Stations with any visible difference (pushed to observers).</param>
/// <param name="ForGrains">Stations whose availability or information changed, or that are new: only these reach station grains.</param>
/// <param name="Removed">Ids that left the feed.</param>
/// <param name="Availability">Stations whose counts or flags changed, or that are new: the archive's changes.</param>
internal sealed record NetworkDiff(List<Station> Stations, List<Station> Changed, List<Station> ForGrains, List<long> Removed, List<Station> Availability)
{
    public bool IsEmpty => Changed.Count == 0 && Removed.Count == 0;

    public static NetworkDiff Compute(IReadOnlyDictionary<long, Station> previous, List<Station> observed, DateTime observedUtc)
    {
        var changed = new List<Station>();
        var forGrains = new List<Station>();
        var availability = new List<Station>();
        var seen = new HashSet<long>(observed.Count);
        for (var i = 0; i < observed.Count; i++)
        {
            var s = observed[i];
            seen.Add(s.Id);
            if (!previous.TryGetValue(s.Id, out var before) || before.AvailabilityDiffers(s))
            {
                s = s with { LastChangeUtc = observedUtc };
                forGrains.Add(s);
                changed.Add(s);
                availability.Add(s);
            }
            else
            {
                s = s with { LastChangeUtc = before.LastChangeUtc };
                if (before.InformationDiffers(s)) { forGrains.Add(s); changed.Add(s); }
                else if (before.LastReportedUtc != s.LastReportedUtc) changed.Add(s);
            }
            observed[i] = s;
        }
        var removed = previous.Keys.Where(id => !seen.Contains(id)).ToList();
        return new NetworkDiff(observed, changed, forGrains, removed, availability);
    }
}
