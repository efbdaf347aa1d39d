using Velib.Contracts.Stations;

namespace Velib.Lake.Reading;

/// <summary>What the spool holds and S3 does not yet: the lake's most recent part.</summary>
public sealed record SpoolContents(List<StationChange> Changes, List<Checkpoint> Checkpoints, List<StationRow> Stations);
