namespace Velib.Contracts.Archive;

/// <summary>What one flush did.</summary>
/// <param name="Rows">Change rows uploaded.</param>
/// <param name="Objects">Objects written to S3.</param>
/// <param name="Error">Why the flush stopped, or null; what was not uploaded stays spooled and is retried.</param>
[GenerateSerializer, Immutable, Alias("velib.ArchiveFlush")]
public sealed record ArchiveFlush(
    [property: Id(0)] long Rows,
    [property: Id(1)] int Objects,
    [property: Id(2)] string? Error);
