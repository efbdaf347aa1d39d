namespace Velib.Web.Api;

/// <summary>The body of <c>/api/stations/{id}/history</c>.</summary>
/// <param name="Source"><c>memory</c>, <c>archive</c> or both, joined by <c>+</c>.</param>
/// <param name="Step">
/// Null: <see cref="History"/> holds every change. An ISO 8601 duration: it holds the station's state at from and
/// every step after it, each point stamped with its instant.
/// </param>
public sealed record StationHistory(long Id, DateTime FromUtc, DateTime ToUtc, string Source, IReadOnlyList<HistoryPoint> History, string? Step = null);
