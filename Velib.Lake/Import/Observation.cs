namespace Velib.Lake.Import;

/// <summary>One station as one snapshot saw it: a row of an input, before it is turned into the lake's changes.</summary>
public readonly record struct Observation(
    long StationId, string Code, DateTime ObservedUtc, int Mechanical, int Ebike, int Docks,
    bool Installed, bool Renting, bool Returning, DateTime? LastReportedUtc)
{
    /// <summary>The same test as live ingestion's: counts or flags, never <c>last_reported</c> alone.</summary>
    public bool DiffersFrom(Contracts.Stations.StationChange c) =>
        Mechanical != c.Mechanical || Ebike != c.Ebike || Docks != c.Docks
        || Installed != c.Installed || Renting != c.Renting || Returning != c.Returning;
}
