using System.Collections.Immutable;
using Velib.Contracts.Stations;

namespace Velib.Contracts.Archive;

/// <summary>
/// One per GBFS system (key: the system name). Owns the durable spool in the store, the flush reminder, retries
/// with backoff and <see cref="ArchiveStatus"/>. Appends never wait for a flush in progress.
/// </summary>
public interface IArchiveGrain : IGrainWithStringKey
{
    /// <summary>Registers the flush reminder. Idempotent.</summary>
    Task Start();

    /// <summary>
    /// Spools changes durably; returns once they are in the store. A change that repeats its station's last
    /// spooled counts and flags (a cycle re-run after a lost silo) is skipped, so each change is archived once.
    /// Returns the rows appended.
    /// </summary>
    Task<long> Append(ImmutableArray<StationChange> changes);

    /// <summary>Spools a station_information snapshot, written as its own object at the next flush.</summary>
    Task AppendStations(ImmutableArray<StationInfo> stations, DateTime observedUtc);

    /// <summary>
    /// Spools a full-state checkpoint (each station's latest change, as the network is at <paramref name="atUtc"/>),
    /// written to <c>checkpoints/</c> at the next flush, so that a reader of the state at a time starts from it.
    /// </summary>
    Task AppendCheckpoint(ImmutableArray<StationChange> rows, DateTime atUtc);

    /// <summary>
    /// Uploads every spooled change to S3 now (the flush reminder calls this too). Idempotent: a retry reuses
    /// the object keys of the batch it retries, and a call during a flush joins it.
    /// </summary>
    Task<ArchiveFlush> Flush();

    /// <summary>State of the archive; answered from memory, never waiting on S3 or the store.</summary>
    [AlwaysInterleave]
    Task<ArchiveStatus> GetStatus();
}
