using Velib.Contracts.Stations;

namespace Velib.Silo.Archive;

/// <summary>What the spool holds and S3 does not yet: the lake's most recent part.</summary>
internal sealed record SpoolContents(List<StationChange> Changes, List<Checkpoint> Checkpoints, List<StationRow> Stations);
