using System.Globalization;

namespace Velib.Silo.Archive;

/// <summary>
/// A sealed batch of the spool. Its name carries the flush start and batch id, so the object keys it uploads to
/// are the same on every retry, even after a silo is lost.
/// </summary>
internal sealed record SpoolBatch(string Name, bool IsStations, DateTime StampUtc, string BatchId)
{
    private const string ChangesPrefix = "changes-", StationsPrefix = "stations-";

    public static SpoolBatch? Parse(string name)
    {
        var isStations = name.StartsWith(StationsPrefix, StringComparison.Ordinal);
        if (!isStations && !name.StartsWith(ChangesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = name[(isStations ? StationsPrefix : ChangesPrefix).Length..].Split('-');
        return parts.Length == 2 && DateTime.TryParseExact(parts[0], ArchiveLayout.Stamp, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp)
            ? new SpoolBatch(name, isStations, stamp, parts[1])
            : null;
    }

    /// <summary>A new batch name, unique through its random id.</summary>
    public static SpoolBatch New(bool isStations, DateTime stampUtc)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var name = (isStations ? StationsPrefix : ChangesPrefix) + stampUtc.ToString(ArchiveLayout.Stamp, CultureInfo.InvariantCulture) + "-" + id;
        return new SpoolBatch(name, isStations, DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), id);
    }
}
