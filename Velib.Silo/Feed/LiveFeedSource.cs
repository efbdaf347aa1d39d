namespace Velib.Silo.Feed;

/// <summary>The real GBFS feed: discovery once (again after a failure), then the listed documents.</summary>
internal sealed class LiveFeedSource(GbfsClient client, string url) : IFeedSource
{
    private IReadOnlyDictionary<string, string>? _feeds;

    public bool Simulated => false;

    public string Url => url;

    /// <summary>Reads gbfs.json; used at start to decide whether the live feed is reachable.</summary>
    public async Task DiscoverAsync(CancellationToken cancellationToken)
    {
        var json = await client.GetAsync(url, cancellationToken);
        var feeds = GbfsParser.ParseDiscovery(json.Span);
        foreach (var required in new[] { "station_information", "station_status" })
        {
            if (!feeds.ContainsKey(required))
            {
                throw new FeedFormatException($"gbfs.json does not list {required}");
            }
        }
        _feeds = feeds;
    }

    public async Task<FeedDocuments> FetchAsync(bool withInformation, CancellationToken cancellationToken)
    {
        try
        {
            if (_feeds is null)
            {
                await DiscoverAsync(cancellationToken);
            }
            var feeds = _feeds!;
            var status = await client.GetAsync(Resolve(feeds["station_status"]), cancellationToken);
            ReadOnlyMemory<byte>? information = null, vehicleTypes = null;
            if (withInformation)
            {
                information = await client.GetAsync(Resolve(feeds["station_information"]), cancellationToken);
                if (feeds.TryGetValue("vehicle_types", out var types))
                {
                    vehicleTypes = await client.GetAsync(Resolve(types), cancellationToken);
                }
            }
            return new FeedDocuments(status, information, vehicleTypes);
        }
        catch
        {
            // Feed URLs may move (Vélib' changed host in 2023): discover again next time.
            _feeds = null;
            throw;
        }
    }

    // Relative feed URLs are resolved against the discovery document's URL.
    private string Resolve(string feedUrl) => new Uri(new Uri(url), feedUrl).ToString();
}
