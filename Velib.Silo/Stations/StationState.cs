using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>What a station grain persists: its latest state and its last 24 h of changes, oldest first.</summary>
[GenerateSerializer, Alias("velib.StationState")]
internal sealed class StationState
{
    [Id(0)] public Station? Current { get; set; }
    [Id(1)] public DateTime LastObservedUtc { get; set; }

    /// <summary>The history as earlier versions wrote it; read once on activation, then moved to <see cref="HistoryData"/>.</summary>
    [Id(2)] public List<StationChange>? History { get; set; }

    /// <summary>The last 24 h of changes, in <see cref="PackedHistory"/>'s form.</summary>
    [Id(3)] public byte[] HistoryData { get; set; } = [];
}
