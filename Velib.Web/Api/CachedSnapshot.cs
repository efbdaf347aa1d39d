using System.Collections.Concurrent;
using Velib.Contracts.Stations;

namespace Velib.Web.Api;

/// <summary>The network at one version, and the documents made from it (each built once, on first use).</summary>
internal sealed class CachedSnapshot(NetworkSnapshot snapshot)
{
    private readonly ConcurrentDictionary<string, Lazy<CachedDocument>> _documents = new();

    public NetworkSnapshot Snapshot => snapshot;

    public CachedDocument Document(string name, Func<NetworkSnapshot, byte[]> serialize) =>
        _documents.GetOrAdd(name, _ => new Lazy<CachedDocument>(() => CachedDocument.Of(snapshot.Version, serialize(snapshot)))).Value;
}
