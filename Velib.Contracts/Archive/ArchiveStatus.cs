namespace Velib.Contracts.Archive;

/// <summary>State of the S3 change archive, as served by <c>/api/status</c>. Never carries credentials.</summary>
/// <param name="Endpoint">The S3 service URL or AWS regional endpoint.</param>
/// <param name="PendingChanges">Changes spooled on disk and not yet in S3.</param>
/// <param name="ObjectsWritten">Objects uploaded since the silo started.</param>
/// <param name="ChangesWritten">Change rows uploaded since the silo started.</param>
[GenerateSerializer, Immutable, Alias("velib.ArchiveStatus")]
public sealed record ArchiveStatus(
    [property: Id(0)] string Bucket,
    [property: Id(1)] string Endpoint,
    [property: Id(2)] DateTime? LastFlushUtc,
    [property: Id(3)] string? LastObjectKey,
    [property: Id(4)] long PendingChanges,
    [property: Id(5)] long ObjectsWritten,
    [property: Id(6)] long ChangesWritten,
    [property: Id(7)] string? LastError);
