using Microsoft.Extensions.Options;
using Velib.Lake.Forecast;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Forecast;

namespace Velib.Silo.Forecast;

/// <summary>Registers the forecast's model store, its refit (with a history reader of its own) and the silo's loaded models.</summary>
internal static class ForecastServices
{
    /// <summary>Rows the refit's reader keeps: a few days of changes, enough for one day's read and its checkpoint.</summary>
    private const long RefitCacheRows = 200_000;

    public static IServiceCollection AddForecast(this IServiceCollection services)
    {
        services.AddSingleton(sp => new ForecastModelStore(sp.GetRequiredService<S3ArchiveStore>(), sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Prefix));
        services.AddSingleton(sp => new ForecastRefit(sp.GetRequiredService<ForecastModelStore>(), new LakeReader(sp.GetRequiredService<LakeIndex>(),
            new LakeObjectCache(sp.GetRequiredService<S3ArchiveStore>(), RefitCacheRows), sp.GetRequiredService<IPendingRows>(),
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Prefix, sp.GetRequiredService<FeedClock>().Time)));
        services.AddSingleton(sp => new ForecastModels(sp.GetRequiredService<ForecastModelStore>(), sp.GetRequiredService<IGrainFactory>(),
            sp.GetRequiredService<FeedClock>().Time));
        return services;
    }
}
