using Microsoft.Extensions.Options;
using Velib.Contracts.Feed;

namespace Velib.Silo.Feed;

/// <summary>Chooses the feed source for <see cref="FeedOptions.Mode"/>; <c>auto</c> probes the live feed once.</summary>
internal sealed class FeedSourceFactory(IServiceProvider services, IOptions<FeedOptions> options, FeedClock clock,
    ILogger<FeedSourceFactory> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public async Task<IFeedSource> CreateAsync(string system, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.Mode == FeedMode.Simulated)
        {
            return new FeedSimulator(clock.Time);
        }
        var live = new LiveFeedSource(services.GetRequiredService<GbfsClient>(), o.Url);
        if (o.Mode == FeedMode.Live)
        {
            return live;
        }
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(ProbeTimeout < o.RequestTimeout ? ProbeTimeout : o.RequestTimeout);
        try
        {
            await live.DiscoverAsync(probe.Token);
            return live;
        }
        catch (Exception ex) when (ex is FeedFetchException or FeedFormatException or OperationCanceledException)
        {
            FeedLog.FallingBackToSimulated(logger, system, o.Url, ex.Message);
            return new FeedSimulator(clock.Time);
        }
    }
}
