namespace Velib.Silo.Feed.Simulation;

/// <summary>
/// One station of the simulated network: a real Vélib' station, and what the simulation gives it for good.
/// </summary>
/// <param name="Disabled">Docks out of order; the reason bikes + docks is often below capacity in the real feed.</param>
/// <param name="Character">How full it tends to be at any hour (unit variance, centred): some stations are always short of bikes.</param>
/// <param name="Business">0 (homes) to 1 (offices): where the morning flow goes.</param>
/// <param name="Hill">0 (flat) to 1 (top of a butte): what empties through the day.</param>
internal sealed record SimulatedStation(
    long Id, string Code, string Name, double Lat, double Lon, int Capacity, int Disabled, double Character, double Business, double Hill)
{
    /// <summary>Stations with no dock yet (capacity 0 in the real list) are not installed, as in the real feed.</summary>
    public bool Installed => Capacity > 0;

    public int Usable => Math.Max(0, Capacity - Disabled);
}
