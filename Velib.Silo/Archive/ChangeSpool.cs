using System.Text;
using System.Text.Json;
using Velib.Contracts.Stations;

namespace Velib.Silo.Archive;

/// <summary>
/// The durable queue between ingestion and S3: JSON lines on local disk, fsynced before a cycle is acknowledged.
/// Local disk rather than grain storage because the only grain storage here is in memory, and because a spool
/// must keep growing while S3 is down without being rewritten whole on every cycle.
/// Used by one ingestion grain, so never concurrently.
/// </summary>
internal sealed class ChangeSpool
{
    private const string OpenFile = "open" + SpoolFile.Extension;
    private readonly string _directory;
    private readonly long _maxPending;

    public ChangeSpool(string directory, long maxPending)
    {
        _directory = directory;
        _maxPending = maxPending;
        Directory.CreateDirectory(directory);
        Pending = CountLines(Path.Combine(directory, OpenFile)) + Sealed().Where(f => !f.IsStations).Sum(f => CountLines(f.Path));
    }

    /// <summary>Changes on disk and not yet uploaded.</summary>
    public long Pending { get; private set; }

    public double Fill => (double)Pending / _maxPending;

    /// <summary>Appends changes durably. Returns false, writing nothing, when the spool is full.</summary>
    public async Task<bool> AppendAsync(IReadOnlyList<StationChange> changes)
    {
        if (changes.Count == 0) return true;
        if (Pending + changes.Count > _maxPending) return false;
        var text = new StringBuilder(changes.Count * 200);
        foreach (var change in changes)
        {
            text.Append(JsonSerializer.Serialize(change, SpoolJson.Default.StationChange)).Append('\n');
        }
        await using (var file = new FileStream(Path.Combine(_directory, OpenFile), FileMode.Append, FileAccess.Write, FileShare.Read))
        {
            await file.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()));
            file.Flush(flushToDisk: true);
        }
        Pending += changes.Count;
        return true;
    }

    /// <summary>Writes a station_information snapshot as its own sealed file (atomically, through a rename).</summary>
    public async Task AppendStationsAsync(IReadOnlyList<StationRow> rows, DateTime observedUtc)
    {
        var path = Path.Combine(_directory, SpoolFile.NameFor(true, observedUtc, Guid.NewGuid().ToString("N")[..8]));
        await using (var file = new FileStream(path + ".tmp", FileMode.Create, FileAccess.Write))
        {
            foreach (var row in rows)
            {
                await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(row, SpoolJson.Default.StationRow) + "\n"));
            }
            file.Flush(flushToDisk: true);
        }
        File.Move(path + ".tmp", path);
    }

    /// <summary>Closes the open file into a batch named by <paramref name="flushStartUtc"/> and a new batch id.</summary>
    public void Seal(DateTime flushStartUtc)
    {
        var open = Path.Combine(_directory, OpenFile);
        if (File.Exists(open) && new FileInfo(open).Length > 0)
        {
            File.Move(open, Path.Combine(_directory, SpoolFile.NameFor(false, flushStartUtc, Guid.NewGuid().ToString("N")[..8])));
        }
    }

    /// <summary>Sealed files, oldest first.</summary>
    public IReadOnlyList<SpoolFile> Sealed() =>
        [.. Directory.EnumerateFiles(_directory, "*" + SpoolFile.Extension).Select(SpoolFile.Parse).OfType<SpoolFile>()
            .OrderBy(f => f.StampUtc).ThenBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>Reads a sealed file. A torn last line (a crash mid-append, never acknowledged) is ignored.</summary>
    public static async Task<List<T>> ReadAsync<T>(SpoolFile file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var rows = new List<T>();
        foreach (var line in await File.ReadAllLinesAsync(file.Path))
        {
            if (line.Length == 0) continue;
            try { rows.Add(JsonSerializer.Deserialize(line, type)!); }
            catch (JsonException) { /* torn tail of an unacknowledged append */ }
        }
        return rows;
    }

    /// <summary>Removes a file once every object made from it is in S3.</summary>
    public void Complete(SpoolFile file, int changes)
    {
        File.Delete(file.Path);
        Pending = Math.Max(0, Pending - changes);
    }

    private static long CountLines(string path) =>
        File.Exists(path) ? File.ReadLines(path).LongCount(l => l.Length > 0) : 0;
}
