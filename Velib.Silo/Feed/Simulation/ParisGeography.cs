namespace Velib.Silo.Feed.Simulation;

/// <summary>Where Parisians ride to in the morning, and which stations sit up a hill: by position, from a map.</summary>
internal static class ParisGeography
{
    /// <summary>Offices: bikes arrive in the morning and leave in the evening.</summary>
    public static readonly IReadOnlyList<ParisZone> Business =
    [
        new("Opéra, Saint-Lazare, Grands Boulevards", 48.8725, 2.3300, 1300, 1.0),
        new("Champs-Élysées, Étoile", 48.8700, 2.3020, 900, 0.8),
        new("La Défense side: Puteaux, Courbevoie", 48.8915, 2.2400, 900, 1.0),
        new("Gare de Lyon, Bercy", 48.8390, 2.3790, 800, 0.8),
        new("Paris Rive Gauche", 48.8300, 2.3770, 700, 0.6),
        new("Montparnasse", 48.8420, 2.3210, 600, 0.6),
        new("Issy Val de Seine", 48.8300, 2.2650, 700, 0.6),
        new("Bourse, Sentier", 48.8690, 2.3430, 600, 0.5),
    ];

    /// <summary>Buttes: riders go down them, not up, so their stations empty through the day until the vans refill them.</summary>
    public static readonly IReadOnlyList<ParisZone> Hills =
    [
        new("Montmartre", 48.8867, 2.3431, 650, 1.0),
        new("Belleville", 48.8720, 2.3860, 700, 1.0),
        new("Ménilmontant", 48.8665, 2.3940, 600, 0.9),
        new("Buttes-Chaumont", 48.8800, 2.3830, 500, 0.6),
        new("Télégraphe, Les Lilas side", 48.8770, 2.4050, 700, 0.5),
    ];

    /// <summary>0 (homes) to 1 (offices).</summary>
    public static double BusinessPull(double lat, double lon) => Sum(Business, lat, lon);

    /// <summary>0 (flat) to 1 (top of a butte).</summary>
    public static double HillPull(double lat, double lon) => Sum(Hills, lat, lon);

    private static double Sum(IReadOnlyList<ParisZone> zones, double lat, double lon)
    {
        var sum = 0.0;
        foreach (var zone in zones) sum += zone.Pull(lat, lon);
        return Math.Min(1, sum);
    }
}
