namespace Velib.Silo.Feed;

/// <summary>One station of the simulated network and its mutable counts (owned by one <see cref="FeedSimulator"/>).</summary>
internal sealed class SimulatedStation(long id, string code, string name, double lat, double lon, int capacity, double centrality)
{
    public long Id { get; } = id;
    public string Code { get; } = code;
    public string Name { get; } = name;
    public double Lat { get; } = lat;
    public double Lon { get; } = lon;
    public int Capacity { get; } = capacity;

    /// <summary>+1 in the centre, -1 at the edge of the footprint: where bikes flow in the morning and leave in the evening.</summary>
    public double Centrality { get; } = centrality;

    public int Mechanical { get; set; }
    public int Ebike { get; set; }

    /// <summary>Docks out of order; the reason bikes + docks is often below capacity in the real feed.</summary>
    public int Disabled { get; set; }

    public bool Installed { get; set; } = true;
    public bool Renting { get; set; } = true;
    public DateTime LastReportedUtc { get; set; }

    public int Docks => Math.Max(0, Capacity - Disabled - Mechanical - Ebike);
}
