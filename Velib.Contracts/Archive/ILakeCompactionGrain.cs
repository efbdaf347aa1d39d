namespace Velib.Contracts.Archive;

/// <summary>
/// One per system: compacts finished days of the lake, each into one object, on a reminder. Idempotent: a run
/// after an interrupted one finishes its work, and a call during a run joins it.
/// </summary>
public interface ILakeCompactionGrain : IGrainWithStringKey
{
    /// <summary>Registers the compaction reminder. Idempotent.</summary>
    Task Start();

    /// <summary>Compacts every finished day that still has hourly change objects.</summary>
    Task<CompactionResult> Compact();
}
