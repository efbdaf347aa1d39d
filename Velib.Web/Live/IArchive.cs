using System.Collections.Immutable;
using Velib.Contracts.Archive;
using Velib.Contracts.Stations;

namespace Velib.Web.Live;

/// <summary>
/// The lake as the page's server-rendered fragments read it (a station's archived span): the archive reader grain's
/// questions. A read that cannot be answered now (S3 down, a failover) fails; the fragment then says there is no history.
/// </summary>
public interface IArchive
{
    Task<ArchiveRange> GetRange();

    Task<ImmutableArray<Station>> GetNetworkAt(DateTime atUtc);

    Task<ImmutableArray<TimelinePoint>> GetTimeline(DateTime fromUtc, DateTime toUtc, TimeSpan step);

    Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// A station's state at <paramref name="fromUtc"/> (inside the archive) and every <paramref name="step"/> before
    /// <paramref name="toUtc"/>, thinned by the server; each sample's <see cref="StationChange.ObservedUtc"/> is its instant.
    /// </summary>
    Task<ImmutableArray<StationChange>> GetSamples(long stationId, DateTime fromUtc, DateTime toUtc, TimeSpan step);
}
