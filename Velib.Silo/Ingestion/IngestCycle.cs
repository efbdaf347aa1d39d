using System.Collections.Immutable;
using Velib.Contracts.Stations;
using Velib.Silo.Feed;
using Velib.Silo.Stations;

namespace Velib.Silo.Ingestion;

/// <summary>
/// The pure part of an ingest cycle: parse → join → diff → changes, with no Orleans and no I/O. The ingestion
/// grain, the tests and the benchmarks all run this.
/// </summary>
/// <param name="Parsed">The documents, parsed and joined (not yet committed to the catalog).</param>
/// <param name="Diff">What differs from the previous network.</param>
/// <param name="Changes">One archive row per station whose counts or flags changed, or that is new.</param>
internal sealed record IngestCycle(ParsedCycle Parsed, NetworkDiff Diff, ImmutableArray<StationChange> Changes)
{
    public static IngestCycle Run(FeedCatalog catalog, FeedDocuments documents, IReadOnlyDictionary<long, Station> previous, DateTime observedUtc)
    {
        var parsed = catalog.Parse(documents, observedUtc);
        var diff = NetworkDiff.Compute(previous, parsed.Stations, observedUtc);
        var feedUpdatedUtc = parsed.FeedUpdatedUtc ?? observedUtc;
        var changes = diff.Availability.Select(s => StationChange.Of(s, observedUtc, feedUpdatedUtc)).ToImmutableArray();
        return new IngestCycle(parsed, diff, changes);
    }
}
