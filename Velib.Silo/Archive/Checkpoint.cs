using Velib.Contracts.Stations;

namespace Velib.Silo.Archive;

/// <summary>A full-state checkpoint: every station's latest change as the network was at <paramref name="AtUtc"/>.</summary>
internal sealed record Checkpoint(DateTime AtUtc, IReadOnlyList<StationChange> Rows);
