namespace Velib.Silo.Feed;

/// <summary>
/// The silo's one clock: every "now" of Velib's own code (polls, the simulated city, the 24 h windows, flushes,
/// the lake's listings, the forecast, the metrics) comes from it, so they never disagree. It is the silo's
/// <see cref="TimeProvider"/>, which only the Orleans runtime reads directly; tests give Velib's code a fake one
/// and leave the runtime's timers on real time, so that moving the city on does not also freeze the cluster.
/// </summary>
internal sealed record FeedClock(TimeProvider Time)
{
    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
}
