using Velib.Contracts.Feed;

namespace Velib.Web.Live;

/// <summary>
/// The body of a stream's <c>status</c> event: what the page's banners need. <see cref="Reachable"/> is false when
/// this web process cannot reach the cluster (a silo loss, a store outage), so the rider sees why nothing moves.
/// </summary>
/// <param name="Stale">True when the feed is stale or the cluster unreachable: the numbers shown may be old.</param>
/// <param name="Version">The snapshot version this web process serves.</param>
public sealed record StreamStatus(bool Stale, bool Reachable, long Version, FeedStatus? Feed);
