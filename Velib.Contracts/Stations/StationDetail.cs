using System.Collections.Immutable;

namespace Velib.Contracts.Stations;

/// <summary>A station with its recent changes, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("velib.StationDetail")]
public sealed record StationDetail(
    [property: Id(0)] Station Station,
    [property: Id(1)] ImmutableArray<StationChange> History);
