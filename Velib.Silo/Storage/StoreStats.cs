namespace Velib.Silo.Storage;

/// <summary>One reading of the store's own counters; a figure the store does not report is null.</summary>
/// <param name="AofBytes">The append-only file a restart would replay (Garnet: tail − begin; Redis: aof_current_size).</param>
/// <param name="DataFolderBytes">The local store's data folder on disk (null for an external store).</param>
/// <param name="UsedMemoryBytes">Redis' used_memory, or the Garnet process's physical memory.</param>
/// <param name="LastCheckpointUtc">The last checkpoint (LASTSAVE).</param>
/// <param name="Keys">DBSIZE.</param>
internal sealed record StoreStats(long? AofBytes, long? DataFolderBytes, long? UsedMemoryBytes, DateTime? LastCheckpointUtc, long? Keys, DateTime ReadUtc)
{
    public TimeSpan? SinceCheckpoint => LastCheckpointUtc is { } at ? ReadUtc - at : null;
}
