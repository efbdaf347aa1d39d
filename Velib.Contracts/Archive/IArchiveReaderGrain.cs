using System.Collections.Immutable;
using Velib.Contracts.Stations;

namespace Velib.Contracts.Archive;

/// <summary>Reads station history back from the S3 archive (stateless; use key 0).</summary>
public interface IArchiveReaderGrain : IGrainWithIntegerKey
{
    /// <summary>A station's archived changes observed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first.</summary>
    Task<ImmutableArray<StationChange>> GetChanges(long stationId, DateTime fromUtc, DateTime toUtc);
}
