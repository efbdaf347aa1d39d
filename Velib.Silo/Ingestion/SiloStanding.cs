namespace Velib.Silo.Ingestion;

/// <summary>
/// Whether the membership table (in the store, not this silo's own view of the cluster) still lists this silo as
/// Active. A silo cut off and declared dead keeps its view until it reads the table (up to
/// <c>MembershipTimings.TableRefresh</c> after its link comes back); meanwhile its own watchdog's call can place a
/// fresh ingestion activation on it, which would take the next lease epoch, poll the feed and supersede the real one
/// elsewhere. <see cref="IngestionLease"/> stops an activation that was superseded; this stops a ghost from taking
/// a lease at all.
/// </summary>
internal sealed class SiloStanding(IServiceProvider services, ILocalSiloDetails silo)
{
    /// <summary>This silo's status in the table; Active when the table has no row for it (nothing says otherwise).</summary>
    public async Task<SiloStatus> ReadAsync()
    {
        // Every clustering provider registers its table; a host without one has no other view to consult.
        if (services.GetService<IMembershipTable>() is not { } table) return SiloStatus.Active;
        var data = await table.ReadRowAsync(silo.SiloAddress);
        return data.Members.FirstOrDefault(m => m.Item1.SiloAddress.Equals(silo.SiloAddress))?.Item1.Status ?? SiloStatus.Active;
    }
}
