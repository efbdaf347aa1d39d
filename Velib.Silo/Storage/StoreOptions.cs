using System.ComponentModel.DataAnnotations;

namespace Velib.Silo.Storage;

/// <summary>What the silo watches of the store (<c>Velib:Store</c>), and when its health says Degraded.</summary>
public sealed class StoreOptions
{
    public const string Section = "Velib:Store";

    /// <summary>The local store's data folder (the AppHost sets it); unset for an external store.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Degraded above this data folder size: 4 GB, far above a month of Paris at a 256 MB AOF limit.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxDataFolderBytes { get; set; } = 4L << 30;

    /// <summary>Degraded above this store memory: 1 GB, four times the default log memory of 256 MB.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxMemoryBytes { get; set; } = 1L << 30;

    /// <summary>Degraded when the last checkpoint is older: Garnet takes one at least hourly.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan MaxCheckpointAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Time between two readings of the store's counters.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReadInterval { get; set; } = TimeSpan.FromSeconds(30);
}
