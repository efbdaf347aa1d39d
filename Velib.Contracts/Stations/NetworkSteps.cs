using System.Collections.Immutable;

namespace Velib.Contracts.Stations;

/// <summary>
/// "What changed since a version", for both keepers of the network's recent steps: the ingestion grain (for
/// <c>GetChangesSince</c>) and each web process (for <c>?since=</c>). One rule for both: a station named by any
/// step is sent as it is now, and a removed one only if it has not come back.
/// </summary>
public static class NetworkSteps
{
    /// <param name="steps">The steps after the version asked about, in order, ending at <paramref name="now"/>.</param>
    public static (ImmutableArray<Station> Changed, ImmutableArray<long> Removed) Since<TStep>(IReadOnlyCollection<TStep> steps,
        Func<TStep, IEnumerable<long>> changed, Func<TStep, IEnumerable<long>> removed, IReadOnlyDictionary<long, Station> now) =>
        ([.. steps.SelectMany(changed).Distinct().Select(id => now.GetValueOrDefault(id)).OfType<Station>()],
         [.. steps.SelectMany(removed).Distinct().Where(id => !now.ContainsKey(id))]);
}
