using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Velib.Silo.Feed;
using Velib.Tests.Support;
using Velib.Silo;

namespace Velib.Tests.Feed;

[Grain]
public sealed class GbfsClientTests : IAsyncLifetime
{
    private RecordedFeedServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await RecordedFeedServer.StartAsync(
            SharedData.Bytes(SharedData.Velib("station_information.json")), SharedData.Bytes(SharedData.Velib("station_status.json")));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(VelibTestCluster.Live(_server.DiscoveryUrl)).Build();
        _services = new ServiceCollection().AddLogging().AddVelibSiloServices(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private LiveFeedSource Source() => new(_services.GetRequiredService<GbfsClient>(), _server.DiscoveryUrl);

    [SharedDataFact]
    public async Task The_live_source_discovers_the_feed_and_fetches_the_recorded_documents_over_http()
    {
        var documents = await Source().FetchAsync(withInformation: true, CancellationToken.None);

        Assert.Equal(SharedData.Bytes(SharedData.Velib("station_status.json")), documents.Status.ToArray());
        Assert.Equal(1495, GbfsParser.ParseInformation(documents.Information!.Value.Span).Stations.Count);
        Assert.Equal(1, _server.StatusRequests);
    }

    [SharedDataFact]
    public async Task Without_information_only_the_status_is_fetched()
    {
        var documents = await Source().FetchAsync(withInformation: false, CancellationToken.None);

        Assert.Null(documents.Information);
        Assert.Equal(1495, GbfsParser.ParseStatus(documents.Status.Span, VehicleTypeTable.Empty).Stations.Count);
    }

    [SharedDataTheory]
    [InlineData(FeedFault.ServerError, "http")]
    [InlineData(FeedFault.BrokenTransfer, "truncated")]
    public async Task A_failed_transfer_raises_a_fetch_error_that_names_its_kind(FeedFault fault, string kind)
    {
        _server.Fault = fault;

        var ex = await Assert.ThrowsAsync<FeedFetchException>(() => Source().FetchAsync(false, CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
        Assert.Contains("station_status", ex.Message);
    }

    [SharedDataFact]
    public async Task With_the_apps_resilience_pipeline_a_server_error_is_retried_once_then_reported()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(VelibTestCluster.Live(_server.DiscoveryUrl)).Build();
        var services = new ServiceCollection().AddLogging();
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()); // as ServiceDefaults does
        await using var provider = services.AddVelibSiloServices(configuration).BuildServiceProvider();
        var source = new LiveFeedSource(provider.GetRequiredService<GbfsClient>(), _server.DiscoveryUrl);
        await source.FetchAsync(false, CancellationToken.None);
        _server.Fault = FeedFault.ServerError;
        var before = _server.StatusRequests;

        var ex = await Assert.ThrowsAsync<FeedFetchException>(() => source.FetchAsync(false, CancellationToken.None));

        Assert.Equal("http", ex.Kind);
        Assert.Equal(2, _server.StatusRequests - before);
    }

    [Fact]
    public async Task An_unreachable_feed_raises_a_fetch_error()
    {
        var source = new LiveFeedSource(_services.GetRequiredService<GbfsClient>(), "http://127.0.0.1:9/gbfs.json");

        await Assert.ThrowsAsync<FeedFetchException>(() => source.FetchAsync(false, CancellationToken.None));
    }
}
