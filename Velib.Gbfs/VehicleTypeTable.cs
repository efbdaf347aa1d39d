namespace Velib.Gbfs;

/// <summary>Which GBFS 2.1+ vehicle types are electric, to split <c>vehicle_types_available</c> into mechanical and e-bikes.</summary>
public sealed class VehicleTypeTable(IReadOnlyDictionary<string, bool> electricById)
{
    /// <summary>No vehicle_types feed: ids are classified by name alone.</summary>
    public static VehicleTypeTable Empty { get; } = new(new Dictionary<string, bool>());

    public bool IsElectric(string id) =>
        electricById.TryGetValue(id, out var electric) ? electric
        // Unknown type: trust a conventional name rather than guessing mechanical.
        : id.Contains("ebike", StringComparison.OrdinalIgnoreCase)
            || id.Contains("electric", StringComparison.OrdinalIgnoreCase)
            || id.Contains("ebicycle", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the table from (vehicle_type_id, propulsion_type) pairs; anything but <c>human</c> is electric; of an id listed twice, the first.</summary>
    public static VehicleTypeTable From(IEnumerable<(string Id, string? Propulsion)> rows) =>
        new(rows.DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Propulsion is not null && r.Propulsion != "human", StringComparer.Ordinal));
}
