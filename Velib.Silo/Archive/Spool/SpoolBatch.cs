using System.Globalization;

namespace Velib.Silo.Archive.Spool;

/// <summary>
/// A sealed batch of the spool. Its name carries its kind, its stamp (flush start, or the time of a station list or
/// checkpoint) and a batch id, so the object keys it uploads to are the same on every retry, even after a silo is lost.
/// </summary>
internal sealed record SpoolBatch(string Name, SpoolBatchKind Kind, DateTime StampUtc, string BatchId)
{
    private static readonly (SpoolBatchKind Kind, string Prefix)[] Prefixes =
        [(SpoolBatchKind.Changes, "changes-"), (SpoolBatchKind.Stations, "stations-"), (SpoolBatchKind.Checkpoint, "checkpoint-")];

    public static SpoolBatch? Parse(string name)
    {
        foreach (var (kind, prefix) in Prefixes)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var parts = name[prefix.Length..].Split('-');
            return parts.Length == 2 && DateTime.TryParseExact(parts[0], ArchiveLayout.Stamp, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp)
                ? new SpoolBatch(name, kind, stamp, parts[1])
                : null;
        }
        return null;
    }

    /// <summary>A new batch name, unique through its random id.</summary>
    public static SpoolBatch New(SpoolBatchKind kind, DateTime stampUtc)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var prefix = Prefixes.First(p => p.Kind == kind).Prefix;
        var name = prefix + stampUtc.ToString(ArchiveLayout.Stamp, CultureInfo.InvariantCulture) + "-" + id;
        return new SpoolBatch(name, kind, DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), id);
    }
}
