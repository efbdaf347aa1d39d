namespace Velib.Silo.Feed;

/// <summary>The raw documents of one fetch. <see cref="Information"/> is present only when it was asked for.</summary>
internal sealed record FeedDocuments(ReadOnlyMemory<byte> Status, ReadOnlyMemory<byte>? Information, ReadOnlyMemory<byte>? VehicleTypes);
