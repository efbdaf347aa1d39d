using System.Globalization;

namespace Velib.Silo.Feed.Simulation;

/// <summary>
/// The real Vélib' Métropole station list that the simulated network is built on, embedded in this assembly
/// (<c>paris-stations.tsv</c>: Vélib' Métropole / Smovengo open data, Licence Ouverte / Open Licence (Etalab) 2.0,
/// <c>station_information</c> of 2025-10-18). Read from the assembly, so the simulator needs no file and no network.
/// </summary>
internal static class BundledStations
{
    public const string ResourceName = "Velib.Silo.Feed.Simulation.paris-stations.tsv";

    public static IReadOnlyList<BundledStation> Load()
    {
        using var stream = typeof(BundledStations).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded station list {ResourceName} is missing from {typeof(BundledStations).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var stations = new List<BundledStation>(1500);
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (header) { header = false; continue; }
            var f = line.Split('\t');
            stations.Add(new BundledStation(
                long.Parse(f[0], CultureInfo.InvariantCulture), f[1], f[2],
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture),
                int.Parse(f[5], CultureInfo.InvariantCulture)));
        }
        return stations;
    }
}
