using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>
/// What a station grain persisted before issue 19 (its latest state and its last 24 h of changes, oldest first).
/// Station grains no longer write it, since that rewrote the station's whole day at every change; they still read
/// it, so that the history a store holds from an earlier version is served until it leaves the 24 h window.
/// </summary>
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
