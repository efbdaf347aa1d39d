namespace Velib.Contracts.Stations;

/// <summary>
/// A station's information and latest availability, normalized from any GBFS version: what grains exchange and
/// the store keeps. The web's JSON (<c>/api/stations</c>) is another shape, <c>StationJson</c>, made from this one.
/// </summary>
/// <param name="Id">GBFS <c>station_id</c>; Vélib' ids exceed 2³¹, hence 64 bits.</param>
/// <param name="Code">The number riders know (<c>stationCode</c>); the id as text when the feed has none.</param>
/// <param name="Capacity">Declared capacity. bikes + docks often differ from it, so never derive counts from it.</param>
/// <param name="LastReportedUtc">The feed's <c>last_reported</c>; refreshed in hourly batches by Vélib'.</param>
/// <param name="LastChangeUtc">When we last saw the counts or flags change.</param>
/// <param name="GbfsId">The GBFS <c>station_id</c> text when <paramref name="Id"/> is not that text in canonical decimal
/// (a hash key, see <c>StationIds</c>); null for numeric ids such as Vélib's.</param>
[GenerateSerializer, Immutable, Alias("velib.Station")]
public sealed record Station(
    [property: Id(0)] long Id,
    [property: Id(1)] string Code,
    [property: Id(2)] string Name,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] int Capacity,
    [property: Id(6)] int Mechanical,
    [property: Id(7)] int Ebike,
    [property: Id(8)] int Docks,
    [property: Id(9)] bool Installed,
    [property: Id(10)] bool Renting,
    [property: Id(11)] bool Returning,
    [property: Id(12)] DateTime? LastReportedUtc,
    [property: Id(13)] DateTime? LastChangeUtc,
    [property: Id(14)] string? GbfsId = null)
{
    /// <summary>True when counts or flags differ. <c>last_reported</c> is ignored on purpose: it lags the counts.</summary>
    public bool AvailabilityDiffers(Station other) =>
        Mechanical != other.Mechanical || Ebike != other.Ebike || Docks != other.Docks
        || Installed != other.Installed || Renting != other.Renting || Returning != other.Returning;

    /// <summary>True when the information part (name, place, capacity) differs.</summary>
    public bool InformationDiffers(Station other) =>
        Code != other.Code || Name != other.Name || Lat != other.Lat || Lon != other.Lon || Capacity != other.Capacity;
}
