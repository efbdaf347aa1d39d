namespace Velib.Silo.Feed;

/// <summary>
/// The clock of the feed's world: poll times and the simulated city. It is the silo's TimeProvider, except in
/// tests, which move the simulated city on without also freezing the Orleans runtime's own timers.
/// </summary>
internal sealed record FeedClock(TimeProvider Time)
{
    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;
}
