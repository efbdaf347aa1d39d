using System.Globalization;

namespace Velib.Silo.Archive;

/// <summary>
/// A sealed spool file. Its name carries the flush start and batch id, so the object keys it uploads to are
/// the same on every retry, even after a restart.
/// </summary>
internal sealed record SpoolFile(string Path, bool IsStations, DateTime StampUtc, string BatchId)
{
    public const string ChangesPrefix = "changes-", StationsPrefix = "stations-", Extension = ".jsonl";

    public static SpoolFile? Parse(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var isStations = name.StartsWith(StationsPrefix, StringComparison.Ordinal);
        if (!isStations && !name.StartsWith(ChangesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = name[(isStations ? StationsPrefix : ChangesPrefix).Length..].Split('-');
        return parts.Length == 2 && DateTime.TryParseExact(parts[0], ArchiveLayout.Stamp, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp)
            ? new SpoolFile(path, isStations, stamp, parts[1])
            : null;
    }

    public static string NameFor(bool isStations, DateTime stampUtc, string batchId) =>
        (isStations ? StationsPrefix : ChangesPrefix) + stampUtc.ToString(ArchiveLayout.Stamp, CultureInfo.InvariantCulture) + "-" + batchId + Extension;
}
