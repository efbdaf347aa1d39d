using System.Collections.Immutable;

namespace Velib.Contracts.Stations;

/// <summary>Every station of one system at one version. Readers get the whole network in one grain call.</summary>
/// <param name="Version">Grows by one with each cycle that changed something.</param>
/// <param name="Simulated">True when the data comes from the built-in simulated network, not the real feed.</param>
/// <param name="ObservedUtc">Poll time of the cycle that produced this version.</param>
/// <param name="FeedUpdatedUtc">The status document's timestamp.</param>
[GenerateSerializer, Immutable, Alias("velib.NetworkSnapshot")]
public sealed record NetworkSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] bool Simulated,
    [property: Id(2)] DateTime? ObservedUtc,
    [property: Id(3)] DateTime? FeedUpdatedUtc,
    [property: Id(4)] ImmutableArray<Station> Stations)
{
    /// <summary>The snapshot before the first successful poll.</summary>
    public static NetworkSnapshot Empty(bool simulated) => new(0, simulated, null, null, []);
}
