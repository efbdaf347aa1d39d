using Orleans.Configuration;

namespace Velib.Silo.Hosting;

/// <summary>
/// How fast the cluster declares a lost silo dead, so that ingestion resumes elsewhere and the webs move on within the
/// goal of 60 s (issue 21). With Orleans' defaults, bench/hosts.sh measured 69 s from a partition of the ingestion
/// silo to polling on another one, and 98 s to both webs serving the next snapshot.
/// </summary>
internal static class MembershipTimings
{
    /// <summary>
    /// A probe every 2 s (default 5 s; Orleans adapts it per silo between 1 s and MaxProbeTimeout from the observed answers),
    /// suspected after 3 missed: a silo that answers nothing is suspected after about 6 s, and declared dead when
    /// a second silo agrees (two votes, the default; indirect probes through a third silo stay on, so that one bad
    /// link alone does not kill a healthy silo).
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest a probe may wait (default 4 × ProbeTimeout, 8 s). It also sets the window in which a connection
    /// that carried any message vetoes a suspicion (MaxProbeTimeout × NumMissedProbesLimit): bench/hosts.sh logged
    /// "Suppressing vote to suspect silo …: within the 00:00:24 monitoring window" for 24 s after a partition began,
    /// which was most of the 29 s the cluster then took to move ingestion. 4 s makes that window 12 s.
    /// </summary>
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Every silo reads the table every 10 s (default 60 s): a partitioned silo whose link comes back reads its own
    /// death within 10 s and stops (Orleans kills a silo that reads it is dead), instead of serving as a ghost.
    /// </summary>
    public static readonly TimeSpan TableRefresh = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeats every 10 s (default 30 s): an entry without one for 30 s is treated as stale.</summary>
    public static readonly TimeSpan IAmAlive = TimeSpan.FromSeconds(10);

    public static ISiloBuilder AddVelibMembershipTimings(this ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = ProbeTimeout;
            o.MaxProbeTimeout = MaxProbeTimeout;
            o.NumMissedProbesLimit = 3;
            o.TableRefreshTimeout = TableRefresh;
            o.IAmAliveTablePublishTimeout = IAmAlive;
        });
}
