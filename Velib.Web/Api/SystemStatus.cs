using Velib.Contracts.Archive;
using Velib.Contracts.Feed;

namespace Velib.Web.Api;

/// <summary>The body of <c>/api/status</c>.</summary>
public sealed record SystemStatus(FeedStatus Feed, ArchiveStatus Archive, ClusterStatus Cluster);
