namespace Velib.Web.Live;

/// <summary>
/// One Server-Sent Event, already encoded: the same bytes go to every rider's connection.
/// </summary>
/// <param name="Version">The snapshot version it brings the client to; null for a status or heartbeat, which move no version.</param>
public sealed record StreamEvent(long? Version, ReadOnlyMemory<byte> Bytes);
