using Microsoft.Extensions.Time.Testing;
using Velib.Lake.Import;
using Velib.Tests.Support;
using Velib.AppHost.Launch;

namespace Velib.Tests.Import;

/// <summary>An importer and a reader on a real s3rver, under a prefix of their own; the clock is fixed after the test data.</summary>
public sealed class ImportLake
{
    public ImportLake(S3rverProcess server, DateTime? now = null)
    {
        Server = server;
        Prefix = $"import-{Guid.NewGuid():N}/";
        var options = new S3Options { ServiceUrl = server.ServiceUrl, ForcePathStyle = true, Bucket = server.Bucket, AccessKey = server.AccessKey, SecretKey = server.SecretKey };
        Store = new S3ArchiveStore(S3ClientFactory.Create(options), Microsoft.Extensions.Options.Options.Create(options));
        Time = new FakeTimeProvider(new DateTimeOffset(now ?? new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
        Importer = new LakeImporter(Store, new ImportOptions { Prefix = Prefix }, Time);
    }

    public S3rverProcess Server { get; }

    public string Prefix { get; }

    public S3ArchiveStore Store { get; }

    public FakeTimeProvider Time { get; }

    public LakeImporter Importer { get; }

    public Task<ImportSummary> ImportAsync(params string[] paths) => Importer.ImportAsync(paths, SilentObserver.Instance, CancellationToken.None);

    /// <summary>A fresh reader, as a silo that has read nothing yet.</summary>
    public LakeReader Reader(TimeSpan? listingCache = null) => new(new LakeIndex(Store, Time, listingCache ?? TimeSpan.Zero), new LakeObjectCache(Store, 10_000_000), null, Prefix, Time);

    public Task<List<string>> KeysAsync(string table = "") => Store.ListAsync(Prefix + table, CancellationToken.None);
}
