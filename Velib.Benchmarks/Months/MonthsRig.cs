using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Velib.Benchmarks.Lake;
using Velib.Store.Launch;

namespace Velib.Benchmarks.Months;

/// <summary>
/// What the months benchmarks run on: a private s3rver, Velib.Store started on a fresh data folder as the AppHost
/// starts it, and the feed's clock, from which <see cref="StartSiloAsync"/> starts the in-process silo. Disposing it
/// stops the store, then s3rver; the data folder is the caller's to keep or delete.
/// </summary>
internal sealed class MonthsRig : IAsyncDisposable
{
    private MonthsRig(string root, string data, LocalS3 s3, StoreProcess store, FakeTimeProvider time)
    {
        Root = root;
        Data = data;
        S3 = s3;
        Store = store;
        Time = time;
    }

    /// <summary>The repository's root.</summary>
    public string Root { get; }

    /// <summary>The store's data folder, under the system's temp folder.</summary>
    public string Data { get; }

    public LocalS3 S3 { get; }

    public StoreProcess Store { get; }

    /// <summary>The feed's clock, starting at the benchmark's first instant.</summary>
    public FakeTimeProvider Time { get; }

    /// <param name="folder">The data folder's name before its unique suffix.</param>
    /// <param name="from">The feed clock's first instant.</param>
    public static async Task<MonthsRig> StartAsync(string folder, DateTimeOffset from)
    {
        var root = LakeBenchmark.RepositoryRoot();
        var data = Path.Combine(Path.GetTempPath(), folder + Guid.NewGuid().ToString("N"));
        var s3 = await LocalS3.StartAsync(root);
        StoreProcess? store = null;
        try
        {
            store = new StoreProcess(data);
            await store.StartAsync();
            return new MonthsRig(root, data, s3, store, new FakeTimeProvider(from));
        }
        catch
        {
            if (store is not null) await store.DisposeAsync();
            await s3.DisposeAsync();
            throw;
        }
    }

    /// <summary>A silo in this process on the store, the s3rver and the feed's clock.</summary>
    public Task<InProcessTestCluster> StartSiloAsync() => MonthsSilo.StartAsync(Store, S3, Time);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await S3.DisposeAsync();
    }
}
