namespace Velib.Silo.Archive.Spool;

/// <summary>What a sealed batch holds, and so which table of the lake it is written to.</summary>
internal enum SpoolBatchKind { Changes, Stations, Checkpoint }
