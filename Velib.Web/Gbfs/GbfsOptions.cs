using System.ComponentModel.DataAnnotations;

namespace Velib.Web.Gbfs;

/// <summary>What the GBFS 3.0 republication says about itself (<c>Velib:Gbfs</c>).</summary>
public sealed class GbfsOptions
{
    public const string Section = "Velib:Gbfs";

    /// <summary>
    /// GBFS requires a monitored address for the feed. The default is a reserved, never-deliverable domain on
    /// purpose: whoever publishes this feed sets their own.
    /// </summary>
    [Required, EmailAddress]
    public string FeedContactEmail { get; set; } = "feed-contact@velib.invalid";

    /// <summary>
    /// Range of a charged e-bike, which GBFS requires for electric-assist vehicle types. Vélib's own feed gives none,
    /// so this is an estimate to adjust.
    /// </summary>
    [Range(1000, 500_000)]
    public int EbikeRangeMeters { get; set; } = 50_000;
}
