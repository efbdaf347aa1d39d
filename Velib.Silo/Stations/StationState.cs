using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>What a station grain persists: its latest state and its last 24 h of changes, oldest first.</summary>
[GenerateSerializer, Alias("velib.StationState")]
internal sealed class StationState
{
    [Id(0)] public Station? Current { get; set; }
    [Id(1)] public DateTime LastObservedUtc { get; set; }
    [Id(2)] public List<StationChange> History { get; set; } = [];
}
