using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using Velib.Contracts.Stations;
using Velib.Web.Live;

namespace Velib.Web.Api;

/// <summary>The network at one version, and the documents made from it (each built once, on first use, for every reader).</summary>
public sealed class CachedSnapshot(NetworkSnapshot snapshot)
{
    private readonly ConcurrentDictionary<string, Lazy<CachedDocument>> _documents = new();
    private readonly Lazy<FrozenDictionary<long, Station>> _byId = new(() => snapshot.Stations.ToFrozenDictionary(s => s.Id));
    private readonly Lazy<StreamEvent> _fullEvent = new(() => StreamEvents.Versioned(StreamEvents.Full, snapshot.Version, StationsJson(snapshot)));

    public NetworkSnapshot Snapshot => snapshot;

    public FrozenDictionary<long, Station> ById => _byId.Value;

    /// <summary><c>/api/stations</c>: what a map needs of every station.</summary>
    public CachedDocument Stations => Document("stations", StationsJson);

    /// <summary>The stream's <c>full</c> event: the same JSON as <see cref="Stations"/>.</summary>
    public StreamEvent FullEvent => _fullEvent.Value;

    public CachedDocument Document(string name, Func<NetworkSnapshot, byte[]> serialize, bool tagByContent = false) =>
        _documents.GetOrAdd(name, _ => new Lazy<CachedDocument>(() => tagByContent
            ? CachedDocument.OfContent(snapshot.Version, serialize(snapshot))
            : CachedDocument.Of(snapshot.Version, serialize(snapshot)))).Value;

    private static byte[] StationsJson(NetworkSnapshot s) =>
        JsonSerializer.SerializeToUtf8Bytes(s.Stations.Select(StationJson.From), JsonSerializerOptions.Web);
}
