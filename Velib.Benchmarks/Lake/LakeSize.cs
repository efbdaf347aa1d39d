namespace Velib.Benchmarks.Lake;

/// <summary>What the generator wrote: rows by kind, objects and Parquet bytes, and how long it took.</summary>
internal sealed record LakeSize(DateTime FromUtc, DateTime ToUtc, long ChangeRows, long CheckpointRows, long StationRows, int Objects, long Bytes, TimeSpan Elapsed);
