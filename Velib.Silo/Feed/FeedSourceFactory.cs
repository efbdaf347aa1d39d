using Microsoft.Extensions.Options;
using Velib.Contracts.Feed;
using Velib.Silo.Feed.Simulation;

namespace Velib.Silo.Feed;

/// <summary>Chooses the feed source for <see cref="FeedOptions.Mode"/>; <c>auto</c> probes the live feed once.</summary>
internal sealed class FeedSourceFactory(IServiceProvider services, IOptions<FeedOptions> options, FeedClock clock,
    ILogger<FeedSourceFactory> logger)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The source for <paramref name="mode"/>, or for the configured mode when null.</summary>
    public async Task<IFeedSource> CreateAsync(string system, FeedMode? mode, CancellationToken cancellationToken)
    {
        var o = options.Value;
        mode ??= o.Mode;
        if (mode == FeedMode.Simulated)
        {
            return new FeedSimulator(clock.Time);
        }
        var live = new LiveFeedSource(services.GetRequiredService<GbfsClient>(), o.Url);
        if (mode == FeedMode.Live)
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
