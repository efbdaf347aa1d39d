using System.ComponentModel.DataAnnotations;

namespace Velib.Silo.Archive;

/// <summary>Settings of the change archive (<c>Velib:Archive</c>).</summary>
public sealed class ArchiveOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Velib:Archive";

    /// <summary>Time between flushes to S3. Reminders cannot fire more often than once a minute.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Key prefix of every archive object, ending with a slash.</summary>
    [Required, RegularExpression("^([A-Za-z0-9._-]+/)+$", ErrorMessage = "Prefix must be path segments ending with '/', for example 'velib/'.")]
    public string Prefix { get; set; } = "velib/";

    /// <summary>Spooled changes kept at most while S3 is unreachable (about 4 weeks of Vélib' changes by default).</summary>
    [Range(1000, 100_000_000)]
    public long MaxPendingChanges { get; set; } = 2_000_000;

    /// <summary>Rows of lake objects the reader keeps parsed in memory (about 100 bytes each).</summary>
    [Range(10_000, 100_000_000)]
    public long ReaderCacheRows { get; set; } = 4_000_000;

    /// <summary>How long a listing of the lake is reused: the current hour gains objects at each flush.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ListingCache { get; set; } = TimeSpan.FromSeconds(30);
}
