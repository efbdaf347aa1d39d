namespace Velib.Gbfs;

// No ttl: we poll at our own interval (Vélib' announces 3600 s and changes every minute), so it is skipped.
/// <summary>The header fields of any GBFS document.</summary>
/// <param name="LastUpdatedUtc"><c>last_updated</c> (epoch or RFC 3339), or Vélib's <c>lastUpdatedOther</c>.</param>
/// <param name="Version">The declared version; Vélib' declares none (1.0).</param>
public readonly record struct GbfsHeader(DateTime? LastUpdatedUtc, string? Version);
