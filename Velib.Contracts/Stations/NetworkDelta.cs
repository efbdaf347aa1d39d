using System.Collections.Immutable;

namespace Velib.Contracts.Stations;

/// <summary>What changed between two snapshot versions; pushed to observers after each cycle.</summary>
/// <param name="Full">True when <see cref="Stations"/> is the whole network, not just the changed stations.</param>
/// <param name="Removed">Ids of stations that left the feed.</param>
[GenerateSerializer, Immutable, Alias("velib.NetworkDelta")]
public sealed record NetworkDelta(
    [property: Id(0)] long FromVersion,
    [property: Id(1)] long ToVersion,
    [property: Id(2)] bool Simulated,
    [property: Id(3)] DateTime? ObservedUtc,
    [property: Id(4)] bool Full,
    [property: Id(5)] ImmutableArray<Station> Stations,
    [property: Id(6)] ImmutableArray<long> Removed);
