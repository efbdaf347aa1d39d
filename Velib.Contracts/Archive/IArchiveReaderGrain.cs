using System.Collections.Immutable;
using Velib.Contracts.Stations;

namespace Velib.Contracts.Archive;

/// <summary>
/// Reads the lake back: S3 objects, and what the spool holds and S3 does not yet, so that any time from the first
/// checkpoint to now is answered the same way. Stateless; use key 0.
/// </summary>
public interface IArchiveReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A station's archived changes observed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first.</summary>
    Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc);

    /// <summary>The times the lake can answer for.</summary>
    Task<ArchiveRange> GetRange();

    /// <summary>Every station as it was at <paramref name="atUtc"/> (the last change of each at or before it); the same shape as the live snapshot.</summary>
    Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc);

    /// <summary>The network's totals at <paramref name="fromUtc"/> and every <paramref name="step"/> after it, up to <paramref name="toUtc"/>.</summary>
    Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step);
}
