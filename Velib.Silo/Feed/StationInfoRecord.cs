namespace Velib.Silo.Feed;

/// <summary>One station of a station_information document.</summary>
internal sealed record StationInfoRecord(long Id, string Code, string Name, double Lat, double Lon, int Capacity);
