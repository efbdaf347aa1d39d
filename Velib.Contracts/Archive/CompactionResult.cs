namespace Velib.Contracts.Archive;

/// <summary>What one compaction run did: the days rewritten into daily objects, their rows, and the hourly objects removed.</summary>
[GenerateSerializer, Immutable, Alias("velib.CompactionResult")]
public sealed record CompactionResult(
    [property: Id(0)] int Days,
    [property: Id(1)] long Rows,
    [property: Id(2)] int ObjectsRemoved,
    [property: Id(3)] string? Error);
