using System.Globalization;

namespace Velib.Contracts.Archive;

/// <summary>The times the lake can answer for: from its first checkpoint to now.</summary>
/// <param name="FirstUtc">The first full-state checkpoint; null while the archive holds none.</param>
/// <param name="LastUtc">Now, on the feed's clock: the latest state is the current one.</param>
[GenerateSerializer, Immutable, Alias("velib.ArchiveRange")]
public sealed record ArchiveRange([property: Id(0)] DateTime? FirstUtc, [property: Id(1)] DateTime LastUtc)
{
    public bool Contains(DateTime utc) => FirstUtc is { } first && utc >= first && utc <= LastUtc;

    /// <summary>Says what the archive covers, for error messages.</summary>
    public string Describe() => FirstUtc is { } first
        ? string.Create(CultureInfo.InvariantCulture, $"The archive covers {first:yyyy-MM-ddTHH:mm:ssZ} to {LastUtc:yyyy-MM-ddTHH:mm:ssZ} (now).")
        : "The archive holds no checkpoint yet: it covers no time so far.";
}
