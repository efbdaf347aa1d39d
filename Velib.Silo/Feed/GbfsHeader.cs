namespace Velib.Silo.Feed;

/// <summary>The header fields of any GBFS document.</summary>
/// <param name="LastUpdatedUtc"><c>last_updated</c> (epoch or RFC 3339), or Vélib's <c>lastUpdatedOther</c>.</param>
/// <param name="Version">The declared version; Vélib' declares none (1.0).</param>
internal readonly record struct GbfsHeader(DateTime? LastUpdatedUtc, int? Ttl, string? Version);
