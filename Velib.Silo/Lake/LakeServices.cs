using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Velib.Contracts.Feed;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Lake;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers the lake's reader: listings, parsed objects and the spool view, shared by the silo's activations.</summary>
internal static class LakeServices
{
    public static IServiceCollection AddVelibLake(this IServiceCollection services)
    {
        services.AddSingleton(sp => new LakeIndex(sp.GetRequiredService<S3ArchiveStore>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.ListingCache));
        services.AddSingleton(sp => new LakeObjectCache(sp.GetRequiredService<S3ArchiveStore>(),
            sp.GetRequiredService<IOptions<ArchiveOptions>>().Value.ReaderCacheRows));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ArchiveOptions>>().Value;
            var db = sp.GetRequiredKeyedService<IConnectionMultiplexer>(StoreConnection.Name).GetDatabase();
            var spool = new SpoolView(new StoreSpool(db, VelibSystem.Name, options.MaxPendingChanges));
            return new LakeReader(sp.GetRequiredService<LakeIndex>(), sp.GetRequiredService<LakeObjectCache>(), spool, options.Prefix,
                sp.GetRequiredService<FeedClock>().Time);
        });
        return services;
    }
}
