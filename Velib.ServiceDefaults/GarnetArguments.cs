using System.Globalization;

namespace Velib.ServiceDefaults;

/// <summary>
/// The command line of the local store (Velib.Store, Garnet), built in one place so that the AppHost, the tests
/// and the benchmarks start the same store. Why each option, with the figures that decided it (issue 19):
/// <list type="bullet">
/// <item><c>--storage-tier</c>, <c>--logdir</c>: without it Garnet is a cache. Measured with <c>-m 64m</c>: a
/// string and a hash written first were gone after 240 MB of later writes. With it, records past the memory
/// budget move to the hybrid log on disk and stay readable: the store holds the only copy of membership,
/// reminders, grain state and the unflushed spool, so nothing acknowledged may be dropped.</item>
/// <item><c>--aof --recover</c>: every acknowledged write is in the append-only file, replayed at start.</item>
/// <item><c>--aof-commit-wait</c>: a write is answered once its AOF record is written, not before. Without it
/// Garnet answers first and writes the AOF behind: measured on a full 24 MB tmpfs, 79 of 4,109 acknowledged writes
/// (316 KB) were never written and were gone after the restart; with it, 4,030 were acknowledged and all 4,030
/// came back. It is a write to the OS, not an fsync: a crash of the store (SIGKILL) loses nothing acknowledged, a
/// crash of the machine may lose what the OS had not flushed.</item>
/// <item><c>--aof-size-limit</c> and <c>--checkpoint-freq 3600</c>: Garnet takes a checkpoint once the AOF
/// passes the limit (checked every 5 s) and at least hourly; a checkpoint moves the AOF's begin address, so a
/// restart replays a checkpoint plus a short tail. Without them the AOF grew by 286 MB in 11 minutes, all of it
/// replayed at every start (292 MB in about 2 s, so a month of Paris would take minutes).</item>
/// <item><c>--aof-segment-size</c> a quarter of the limit: truncation frees disk only by whole segments, and
/// the default segment (1 GB) is larger than the default limit, so the file would never shrink.</item>
/// <item><c>--compaction-type Lookup</c> every 5 minutes once the hybrid log has 4 segments on disk: records
/// that an update superseded are dropped from the disk log (Lookup checks liveness through the index, with no
/// data loss, and no temporary second index as Scan builds). The freed files go at the next checkpoint.</item>
/// <item><c>--index 16m</c>: the hash index starts at 16 MB instead of 128 MB and grows as needed.</item>
/// <item><c>--lua --lua-transaction-mode</c>: Orleans' Redis tables and the archive spool run Lua scripts.</item>
/// <item><c>--device-type RandomAccess</c>: the default native device needs libaio, which many machines lack.</item>
/// </list>
/// </summary>
// The AppHost compiles this file too (it does not reference this project's assembly), and so does the store, to print
// it for a script that starts the store by hand; there it is internal, so that the tests, which reference the AppHost
// and this project, see one type.
#if VELIB_APPHOST || VELIB_STORE
internal
#else
public
#endif
static class GarnetArguments
{
    /// <summary>Default <c>Velib:Store:MemorySize</c>: the hybrid log's memory.</summary>
    public const string DefaultMemorySize = "256m";

    /// <summary>Default <c>Velib:Store:MaxAofSize</c>: the AOF size that triggers a checkpoint.</summary>
    public const string DefaultMaxAofSize = "256m";

    /// <summary>The longest time between two checkpoints, whatever the AOF size.</summary>
    public static readonly TimeSpan CheckpointInterval = TimeSpan.FromHours(1);

    /// <param name="port">The loopback port to listen on.</param>
    /// <param name="dataDirectory">Where the AOF, the checkpoints and the hybrid log live (one folder).</param>
    /// <param name="memorySize">Garnet's log memory, as Garnet reads it (<c>256m</c>, <c>1g</c>).</param>
    /// <param name="maxAofSize">The AOF size that triggers a checkpoint, the same way.</param>
    /// <param name="pageSize">The log page (Garnet's default 16m); small stores in tests need smaller pages.</param>
    /// <param name="bind">The address to listen on: loopback unless Velib:Store:Bind says otherwise.</param>
    public static string[] For(int port, string dataDirectory, string memorySize = DefaultMemorySize,
        string maxAofSize = DefaultMaxAofSize, string pageSize = "16m", string bind = "127.0.0.1")
    {
        var page = ParseSize(pageSize);
        var memory = ParseSize(memorySize);
        if (memory < 2 * page) throw new ArgumentException($"The store's memory ({memorySize}) must hold at least two log pages of {pageSize}.", nameof(memorySize));
        // An AOF page must be at least twice the log page (an AOF entry can be as large as a log record).
        var aofPage = 2 * page;
        var aofSegment = Math.Max(2 * aofPage, ParseSize(maxAofSize) / 4);
        return
        [
            "--bind", bind, "--port", port.ToString(CultureInfo.InvariantCulture),
            // Long option names only: the AppHost starts the store with "dotnet run", which would take "-p" as its own.
            "--memory", memorySize, "--page", pageSize, "--index", "16m",
            "--lua", "--lua-transaction-mode",
            "--aof", "--recover", "--aof-commit-wait", "--checkpointdir", dataDirectory,
            "--aof-page-size", Bytes(aofPage), "--aof-memory", Bytes(4 * aofPage), "--aof-segment-size", Bytes(aofSegment),
            "--aof-size-limit", maxAofSize, "--checkpoint-freq", ((int)CheckpointInterval.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            "--storage-tier", "--logdir", dataDirectory, "--segment", Bytes(Math.Max(2 * page, 32L << 20)),
            "--compaction-type", "Lookup", "--compaction-freq", "300", "--compaction-max-segments", "4",
            "--device-type", "RandomAccess",
        ];
    }

    /// <summary>Reads a size as Garnet does: bytes, or a number with k, m or g (powers of 1024).</summary>
    public static long ParseSize(string size)
    {
        var text = size.Trim().ToLowerInvariant().TrimEnd('b');
        var unit = text.Length > 0 ? text[^1] : ' ';
        var shift = unit switch { 'k' => 10, 'm' => 20, 'g' => 30, _ => 0 };
        var digits = shift == 0 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n << shift
            : throw new ArgumentException($"'{size}' is not a size (bytes, or a number followed by k, m or g).", nameof(size));
    }

    private static string Bytes(long bytes) => bytes.ToString(CultureInfo.InvariantCulture);
}
