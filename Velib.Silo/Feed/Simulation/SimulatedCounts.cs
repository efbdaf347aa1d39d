namespace Velib.Silo.Feed.Simulation;

/// <summary>What a simulated station shows at one moment.</summary>
internal readonly record struct SimulatedCounts(int Mechanical, int Ebike, int Docks);
