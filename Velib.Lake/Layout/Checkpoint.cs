using Velib.Contracts.Stations;

namespace Velib.Lake.Layout;

/// <summary>A full-state checkpoint: every station's latest change as the network was at <paramref name="AtUtc"/>.</summary>
public sealed record Checkpoint(DateTime AtUtc, IReadOnlyList<StationChange> Rows);
