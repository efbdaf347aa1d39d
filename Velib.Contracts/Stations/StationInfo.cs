namespace Velib.Contracts.Stations;

/// <summary>One station of a station_information document: what does not change from minute to minute.</summary>
/// <remarks><c>GbfsId</c> is the GBFS <c>station_id</c> text when <c>Id</c> is a hash of it; null for numeric ids.</remarks>
[GenerateSerializer, Immutable, Alias("velib.StationInfo")]
public sealed record StationInfo(
    [property: Id(0)] long Id,
    [property: Id(1)] string Code,
    [property: Id(2)] string Name,
    [property: Id(3)] double Lat,
    [property: Id(4)] double Lon,
    [property: Id(5)] int Capacity,
    [property: Id(6)] string? GbfsId = null);
