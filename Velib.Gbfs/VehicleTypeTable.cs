using System.Text;
using System.Text.Json;

namespace Velib.Gbfs;

/// <summary>Which GBFS 2.1+ vehicle types are electric, to split <c>vehicle_types_available</c> into mechanical and e-bikes.</summary>
public sealed class VehicleTypeTable(IReadOnlyList<(byte[] Utf8Id, bool Electric)> types)
{
    /// <summary>No vehicle_types feed: ids are classified by name alone.</summary>
    public static VehicleTypeTable Empty { get; } = new([]);

    /// <summary>Classifies the vehicle_type_id under the reader without allocating.</summary>
    public bool IsElectric(ref Utf8JsonReader reader)
    {
        foreach (var (id, electric) in types)
        {
            if (reader.ValueTextEquals(id))
            {
                return electric;
            }
        }
        // Unknown type: trust a conventional name rather than guessing mechanical.
        return IsElectricName(reader.GetString() ?? "");
    }

    /// <summary>Classifies a vehicle_type_id read as text.</summary>
    public bool IsElectric(string id)
    {
        foreach (var (utf8, electric) in types)
        {
            if (Encoding.UTF8.GetByteCount(id) == utf8.Length && Encoding.UTF8.GetString(utf8) == id) return electric;
        }
        return IsElectricName(id);
    }

    private static bool IsElectricName(string name) =>
        name.Contains("ebike", StringComparison.OrdinalIgnoreCase)
        || name.Contains("electric", StringComparison.OrdinalIgnoreCase)
        || name.Contains("ebicycle", StringComparison.OrdinalIgnoreCase);

    /// <summary>Builds the table from (vehicle_type_id, propulsion_type) pairs; anything but <c>human</c> is electric.</summary>
    public static VehicleTypeTable From(IEnumerable<(string Id, string? Propulsion)> rows) =>
        new(rows.Select(r => (Encoding.UTF8.GetBytes(r.Id), r.Propulsion is not null && r.Propulsion != "human")).ToArray());
}
