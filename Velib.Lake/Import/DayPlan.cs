namespace Velib.Lake.Import;

/// <summary>What one UTC day of snapshots becomes in the lake: its changes and its hourly checkpoints.</summary>
public sealed record DayPlan(DateTime DayUtc, List<ChangeRow> Changes, List<Checkpoint> Checkpoints, int Snapshots, long Observations);
