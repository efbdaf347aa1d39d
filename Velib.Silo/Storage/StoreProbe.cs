using System.Globalization;
using StackExchange.Redis;

namespace Velib.Silo.Storage;

/// <summary>Reads the store's counters: INFO, DBSIZE and LASTSAVE, which Garnet and Redis both answer.</summary>
internal static class StoreProbe
{
    public static async Task<StoreStats> ReadAsync(IConnectionMultiplexer store, string? dataDirectory, DateTime nowUtc)
    {
        var db = store.GetDatabase();
        var info = Parse((string?)await db.ExecuteAsync("INFO", "all"));
        long? aof = info.TryGetValue("aof_current_size", out var redisAof) ? Number(redisAof)
            : Number(info.GetValueOrDefault("TailAddress")) - Number(info.GetValueOrDefault("BeginAddress"));
        var memory = Number(info.GetValueOrDefault("used_memory")) ?? Number(info.GetValueOrDefault("proc_physical_memory_size"));
        var keys = (long)await db.ExecuteAsync("DBSIZE");
        var lastSave = DateTimeOffset.FromUnixTimeSeconds((long)await db.ExecuteAsync("LASTSAVE")).UtcDateTime;
        return new StoreStats(aof, FolderBytes(dataDirectory), memory, lastSave, keys, nowUtc);
    }

    private static long? FolderBytes(string? folder) =>
        folder is not null && Directory.Exists(folder)
            ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
            : null;

    private static Dictionary<string, string> Parse(string? info) =>
        (info ?? "").Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#') && l.Contains(':', StringComparison.Ordinal))
            .Select(l => l.Split(':', 2)).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
