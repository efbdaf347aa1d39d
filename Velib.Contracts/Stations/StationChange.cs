namespace Velib.Contracts.Stations;

/// <summary>One observed change of a station's availability: a history point and an archive row.</summary>
/// <param name="ObservedUtc">Our poll time.</param>
/// <param name="FeedUpdatedUtc">The status document's own timestamp.</param>
[GenerateSerializer, Immutable, Alias("velib.StationChange")]
public sealed record StationChange(
    [property: Id(0)] long StationId,
    [property: Id(1)] string Code,
    [property: Id(2)] DateTime ObservedUtc,
    [property: Id(3)] DateTime FeedUpdatedUtc,
    [property: Id(4)] int Mechanical,
    [property: Id(5)] int Ebike,
    [property: Id(6)] int Docks,
    [property: Id(7)] bool Installed,
    [property: Id(8)] bool Renting,
    [property: Id(9)] bool Returning,
    [property: Id(10)] DateTime? LastReportedUtc)
{
    /// <summary>The change that brings a station to <paramref name="station"/>'s availability.</summary>
    public static StationChange Of(Station station, DateTime observedUtc, DateTime feedUpdatedUtc) => new(
        station.Id, station.Code, observedUtc, feedUpdatedUtc, station.Mechanical, station.Ebike, station.Docks,
        station.Installed, station.Renting, station.Returning, station.LastReportedUtc);
}
