namespace Velib.Web.Api;

/// <summary>The cluster part of <c>/api/status</c>: every silo of this run's membership, and the store (no secrets).</summary>
/// <param name="Store">The store's endpoints, <c>host:port</c>, without a password.</param>
/// <param name="Error">Why the membership could not be read (the store is unreachable), or null.</param>
public sealed record ClusterStatus(IReadOnlyList<SiloStatus> Silos, string Store, string? Error = null);
