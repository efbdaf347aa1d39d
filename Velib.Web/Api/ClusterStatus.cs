namespace Velib.Web.Api;

/// <summary>The cluster part of <c>/api/status</c>: every silo of this run's membership, and the store (no secrets).</summary>
/// <param name="Store">The store's endpoints, <c>host:port</c>, without a password.</param>
/// <param name="Error">Why the membership could not be read (the store is unreachable), or null.</param>
/// <param name="StoreEvictionPolicy">The store's eviction policy where it reports one (Redis: <c>maxmemory-policy</c>,
/// which must be <c>noeviction</c>); null where it does not (the local Garnet, which runs with a storage tier).</param>
public sealed record ClusterStatus(IReadOnlyList<SiloStatus> Silos, string Store, string? Error = null, string? StoreEvictionPolicy = null);
