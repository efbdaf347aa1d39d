using System.ComponentModel.DataAnnotations;
using Velib.Contracts.Feed;

namespace Velib.Silo.Feed;

/// <summary>Settings of the feed (<c>Velib:Feed</c>).</summary>
public sealed class FeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Velib:Feed";

    /// <summary>The public Vélib' Métropole GBFS auto-discovery document.</summary>
    public const string VelibDiscoveryUrl = "https://velib-metropole-opendata.smovengo.cloud/opendata/Velib_Metropole/gbfs.json";

    /// <summary><c>auto</c> (live, falling back to simulated at start), <c>live</c> or <c>simulated</c>.</summary>
    public FeedMode Mode { get; set; } = FeedMode.Auto;

    /// <summary>Any GBFS auto-discovery URL (v1, v2 or v3).</summary>
    [Required, Url]
    public string Url { get; set; } = VelibDiscoveryUrl;

    /// <summary>Time between polls; the feed's own ttl is ignored (Vélib' says 3600 s but changes every minute).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one HTTP request to the feed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often station_information is re-read when nothing suggests it changed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan InformationRefresh { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How often the ingestion grain saves the whole network (and on deactivation). Between saves the store holds
    /// the cycles' changes (the recent log), which a new activation replays over the saved network. Saved every cycle,
    /// the network was most of the store's writes (WriteBudgetTests: 197,960 B for a cycle of 69 changes before).
    /// Zero saves every cycle.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "06:00:00")]
    public TimeSpan NetworkSaveInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Station grain calls in flight at once during fan-out.</summary>
    [Range(1, 1024)]
    public int FanOutConcurrency { get; set; } = 64;

    /// <summary>Largest document accepted, in bytes; a bigger body is rejected, not buffered.</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = 32 * 1024 * 1024;
}
