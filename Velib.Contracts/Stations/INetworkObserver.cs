namespace Velib.Contracts.Stations;

/// <summary>Receives snapshot updates (for example a Blazor circuit showing the map).</summary>
public interface INetworkObserver : IGrainObserver
{
    /// <summary>Called after each cycle that changed at least one station.</summary>
    [OneWay]
    Task OnNetworkChanged(NetworkDelta delta);
}
