namespace Velib.Web.Api;

/// <summary>The cluster part of <c>/api/status</c>: every silo of this run's membership, and the store (no secrets).</summary>
/// <param name="Store">The store's endpoints, <c>host:port</c>, without a password.</param>
public sealed record ClusterStatus(IReadOnlyList<SiloStatus> Silos, string Store);
