namespace Velib.Web.Api;

/// <summary>The body of <c>/api/stations/{id}/history</c>.</summary>
/// <param name="Source"><c>memory</c>, <c>archive</c> or both, joined by <c>+</c>.</param>
public sealed record StationHistory(long Id, DateTime FromUtc, DateTime ToUtc, string Source, IReadOnlyList<HistoryPoint> History);
