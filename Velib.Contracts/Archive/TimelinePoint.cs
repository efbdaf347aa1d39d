namespace Velib.Contracts.Archive;

/// <summary>The network's totals at one time of a timeline. Empty and full count installed stations only.</summary>
[GenerateSerializer, Immutable, Alias("velib.TimelinePoint")]
public sealed record TimelinePoint(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] int Stations,
    [property: Id(2)] int Bikes,
    [property: Id(3)] int Mechanical,
    [property: Id(4)] int Ebikes,
    [property: Id(5)] int FreeDocks,
    [property: Id(6)] int EmptyStations,
    [property: Id(7)] int FullStations);
