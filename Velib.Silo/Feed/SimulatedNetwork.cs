namespace Velib.Silo.Feed;

/// <summary>Lays out a realistic Vélib'-like network: Paris and the inner suburbs, denser in the centre.</summary>
internal static class SimulatedNetwork
{
    private const double CentreLat = 48.8566, CentreLon = 2.3522;

    private static readonly string[] Streets =
    [
        "Rivoli", "Saint-Antoine", "Faubourg Saint-Denis", "Voltaire", "Oberkampf", "République", "Bastille",
        "Montparnasse", "Raspail", "Saint-Germain", "Saint-Michel", "Mouffetard", "Gobelins", "Tolbiac",
        "Alésia", "Convention", "Vaugirard", "Grenelle", "Javel", "Passy", "Victor Hugo", "Wagram", "Villiers",
        "Clichy", "Batignolles", "Abbesses", "Barbès", "La Chapelle", "Stalingrad", "Jaurès", "Belleville",
        "Ménilmontant", "Pyrénées", "Nation", "Daumesnil", "Bercy", "Italie", "Denfert-Rochereau", "Trocadéro",
        "Opéra", "Haussmann", "Châtelet", "Hôtel de Ville", "Marais", "Temple", "Sentier", "Pigalle", "Ternes",
    ];

    private static readonly string[] Towns =
    [
        "Boulogne-Billancourt", "Issy-les-Moulineaux", "Vanves", "Malakoff", "Montrouge", "Gentilly", "Ivry-sur-Seine",
        "Charenton-le-Pont", "Saint-Mandé", "Vincennes", "Montreuil", "Bagnolet", "Les Lilas", "Pantin", "Aubervilliers",
        "Saint-Denis", "Saint-Ouen", "Clichy", "Levallois-Perret", "Neuilly-sur-Seine", "Puteaux", "Suresnes",
    ];

    /// <summary>Builds <paramref name="count"/> stations from a fixed seed, so every run shows the same network.</summary>
    public static IReadOnlyList<SimulatedStation> Create(int count, int seed, DateTime nowUtc)
    {
        var random = new Random(seed);
        var stations = new List<SimulatedStation>(count);
        for (var i = 0; i < count; i++)
        {
            // Two thirds inside Paris (an ellipse of about 9 × 6 km half-axes), the rest in the inner ring.
            var inParis = i % 3 != 0;
            var radius = inParis ? Math.Sqrt(random.NextDouble()) : 1 + random.NextDouble() * 0.6;
            var angle = random.NextDouble() * 2 * Math.PI;
            var lat = CentreLat + radius * 0.045 * Math.Sin(angle);
            var lon = CentreLon + radius * 0.105 * Math.Cos(angle);
            var capacity = Math.Clamp((int)Math.Round(32 + 11 * Gaussian(random)), 10, 70);
            var code = inParis ? $"{1 + (int)(radius * 19.99) % 20}{i:0000}" : $"{21 + i % 22}{i:0000}";
            var name = inParis
                ? $"{Streets[random.Next(Streets.Length)]} - {Streets[random.Next(Streets.Length)]}"
                : $"{Towns[i % Towns.Length]} - {Streets[random.Next(Streets.Length)]}";
            // Real Vélib' ids reach about 2·10¹⁰, beyond 32 bits; so do a share of ours.
            var id = i % 7 == 0 ? 20_000_000_000L + i * 1_000L : 100_000L + i * 13L;
            var station = new SimulatedStation(id, code, name, lat, lon, capacity, Math.Clamp(1 - 1.3 * radius, -1, 1))
            {
                Disabled = random.Next(4) == 0 ? random.Next(1, 4) : 0,
                Installed = random.Next(150) != 0,
                Renting = random.Next(100) != 0,
                LastReportedUtc = nowUtc,
            };
            var bikes = (int)((capacity - station.Disabled) * (0.2 + 0.5 * random.NextDouble()));
            station.Ebike = (int)Math.Round(bikes * (0.3 + 0.2 * random.NextDouble()));
            station.Mechanical = bikes - station.Ebike;
            stations.Add(station);
        }
        return stations;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
