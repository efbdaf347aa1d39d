namespace Velib.Silo.Feed.Simulation;

/// <summary>One real Vélib' station from the bundled list: what its <c>station_information</c> says.</summary>
internal sealed record BundledStation(long Id, string Code, string Name, double Lat, double Lon, int Capacity);
