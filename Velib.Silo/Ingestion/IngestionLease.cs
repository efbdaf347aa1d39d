using StackExchange.Redis;
using Velib.ServiceDefaults;

namespace Velib.Silo.Ingestion;

/// <summary>
/// A fencing token for the ingestion grain, kept in the store. Each activation takes the next epoch when it starts,
/// and checks before each cycle that no later activation took one since. Orleans allows one activation per grain
/// only within a silo's view of the cluster: a silo cut off from the others (a partition) keeps its activation and
/// its poll timer until it reads that it was declared dead, while the cluster has already started a successor
/// elsewhere. bench/hosts.sh saw that ghost poll the feed after its link came back, seconds before Orleans stopped
/// it. With the lease it polls nothing: its first check after the partition finds the successor's epoch.
/// </summary>
internal sealed class IngestionLease([FromKeyedServices(StoreConnection.Name)] IConnectionMultiplexer store)
{
    private static RedisKey Key(string system) => $"velib:{{{system}}}:ingestion:epoch";

    /// <summary>The next epoch: from now on, every earlier activation is superseded.</summary>
    public async Task<long> TakeAsync(string system) => await store.GetDatabase().StringIncrementAsync(Key(system));

    /// <summary>True while no activation took an epoch after <paramref name="epoch"/>. Throws when the store is unreachable.</summary>
    public async Task<bool> HoldsAsync(string system, long epoch) => (long?)await store.GetDatabase().StringGetAsync(Key(system)) == epoch;
}
