namespace Velib.Silo.Feed.Simulation;

/// <summary>
/// The real Vélib' stations with a simulated day: a pure function of the seed and the time, so the same seed and time
/// always give the same network, whatever was polled before. Each station moves only at its own events (a rider or a
/// van, about one minute in sixteen), and then shows where the hour's pulls have taken it:
/// offices fill in the morning and empty in the evening, homes the other way round, buttes drain all day, e-bikes go first.
/// </summary>
internal sealed class SimulatedNetwork
{
    // Tuned on the bundled list so that at any hour 2-5 % of the stations are empty and 1-3 % full, like the real network.
    private const double MeanLevel = -0.12, CharacterSpread = 1.85, OfficePull = 1.7, HomePull = 0.35, HillPull = 3.0, NoiseSpread = 0.35;
    private const double EventsPerMinute = 0.06;
    private const int LongestQuiet = 120; // minutes looked back for a station's last event

    private readonly int _seed;

    public SimulatedNetwork(int seed)
    {
        _seed = seed;
        var bundled = BundledStations.Load();
        var characters = Characters(seed, bundled);
        Stations = [.. bundled.Select((s, i) => new SimulatedStation(s.Id, s.Code, s.Name, s.Lat, s.Lon, s.Capacity,
            Disabled: SimulationHash.Uniform(seed, s.Id, SimulationStream.DisabledDocks) < 0.55
                ? 1 + (int)(SimulationHash.Uniform(seed, s.Id, SimulationStream.DisabledDockCount) * 2.2) : 0,
            Character: characters[i],
            Business: ParisGeography.BusinessPull(s.Lat, s.Lon),
            Hill: ParisGeography.HillPull(s.Lat, s.Lon)))];
    }

    public IReadOnlyList<SimulatedStation> Stations { get; }

    public SimulatedCounts CountsAt(SimulatedStation station, DateTime utc)
    {
        if (!station.Installed) return new SimulatedCounts(0, 0, 0);
        var minute = LastEvent(station, (long)Math.Floor((utc - DateTime.UnixEpoch).TotalMinutes));
        var hour = ParisDay.Hour(DateTime.UnixEpoch.AddMinutes(minute));
        var work = ParisDay.WorkLevel(hour);
        var level = MeanLevel + CharacterSpread * station.Character
            + OfficePull * station.Business * work - HomePull * (1 - station.Business) * work
            - HillPull * station.Hill * ParisDay.HillDrain(hour)
            + NoiseSpread * SimulationHash.Gaussian(_seed, station.Id, SimulationStream.Noise, minute);
        var fill = 1 / (1 + Math.Exp(-level));
        var usable = station.Usable;
        var bikes = (int)Math.Round(fill * usable);
        // E-bikes go first: fewer of them where the station runs low.
        var ebikes = (int)Math.Round(bikes * ParisDay.EbikeShare(hour) * Math.Min(1, 0.35 + fill));
        return new SimulatedCounts(bikes - ebikes, ebikes, usable - bikes);
    }

    /// <summary>
    /// Each station's character: the seed shuffles the stations, and their ranks are spread over a logistic law of unit
    /// variance. Spread by rank rather than drawn, so that every seed gives the network the same shares of empty and full.
    /// </summary>
    private static double[] Characters(int seed, IReadOnlyList<BundledStation> stations)
    {
        var order = Enumerable.Range(0, stations.Count).OrderBy(i => SimulationHash.Uniform(seed, stations[i].Id, SimulationStream.Character)).ToArray();
        var characters = new double[stations.Count];
        for (var rank = 0; rank < order.Length; rank++)
        {
            var q = (rank + 0.5) / order.Length;
            characters[order[rank]] = Math.Log(q / (1 - q)) * Math.Sqrt(3) / Math.PI;
        }
        return characters;
    }

    /// <summary>The minute of the station's latest event at or before <paramref name="minute"/>.</summary>
    private long LastEvent(SimulatedStation station, long minute)
    {
        for (var m = minute; m > minute - LongestQuiet; m--)
        {
            if (SimulationHash.Uniform(_seed, station.Id, SimulationStream.Event, m) < EventsPerMinute) return m;
        }
        return minute - minute % LongestQuiet; // two quiet hours (about 1 station in 1,600): a fixed step keeps it a function of the time
    }
}
