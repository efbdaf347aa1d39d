using Velib.Contracts.Systems;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Archive.Spool;
using Velib.Silo.Feed;
using Velib.ServiceDefaults;
using Velib.Silo.Forecast;

namespace Velib.Silo.Lake;

/// <summary>Registers the lake's reader: listings, parsed objects and the spool view, shared by the silo's activations.</summary>
internal static class LakeServices
{
    public static IServiceCollection AddVelibLake(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LakeIndex(sp.GetRequiredService<S3ArchiveStore>(), sp.GetRequiredService<FeedClock>().Time,
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.ListingCache));
        services.AddSingleton(sp => new LakeObjectCache(sp.GetRequiredService<S3ArchiveStore>(),
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.ReaderCacheRows));
        services.AddSingleton<IPendingRows>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var db = sp.GetRequiredKeyedService<IConnectionMultiplexer>(StoreConnection.Name).GetDatabase();
            return new SpoolView(new StoreSpool(db, SystemId.Velib.Value, options.MaxPendingChanges));
        });
        services.AddSingleton(sp => new LakeReader(sp.GetRequiredService<LakeIndex>(), sp.GetRequiredService<LakeObjectCache>(),
            sp.GetRequiredService<IPendingRows>(), sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.Prefix, sp.GetRequiredService<FeedClock>().Time));
        services.AddForecast();
        return services;
    }
}
