using System.Globalization;

namespace Velib.Silo.Storage;

/// <summary>The store's part of the silo's health: reasons to say Degraded, none when all is well.</summary>
internal static class StoreHealth
{
    public static List<string> Reasons(StoreStats? stats, StoreOptions options)
    {
        var reasons = new List<string>();
        if (stats is null) return reasons;
        if (stats.DataFolderBytes > options.MaxDataFolderBytes)
            reasons.Add(Text($"store data folder {stats.DataFolderBytes / 1048576.0:N0} MB, over {options.MaxDataFolderBytes / 1048576.0:N0} MB"));
        if (stats.UsedMemoryBytes > options.MaxMemoryBytes)
            reasons.Add(Text($"store memory {stats.UsedMemoryBytes / 1048576.0:N0} MB, over {options.MaxMemoryBytes / 1048576.0:N0} MB"));
        if (stats.SinceCheckpoint > options.MaxCheckpointAge)
            reasons.Add(Text($"no store checkpoint for {stats.SinceCheckpoint.Value.TotalHours:0.0} h (last {stats.LastCheckpointUtc:u})"));
        return reasons;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
