namespace Velib.Gbfs;

/// <summary>One station of a station_status document, normalized across GBFS versions.</summary>
public readonly record struct StationStatusRecord(
    long Id, int Mechanical, int Ebike, int Docks, bool Installed, bool Renting, bool Returning, DateTime? LastReportedUtc);
