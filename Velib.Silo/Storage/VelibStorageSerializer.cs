using Orleans.Storage;

namespace Velib.Silo.Storage;

/// <summary>
/// Grain state in Orleans' binary format rather than the default Newtonsoft JSON: the JSON writer was the largest
/// part of an ingest cycle when station grains still wrote state (profiled in issue 10; binary made the
/// 1,500-station cycle about 2.3× faster and allocate a sixth as much). Today the only persisted state is the
/// ingestion grain's saved network, written hourly and when the grain deactivates.
/// <para>
/// Legacy read path: state that versions before commit 0049881 (2026-11-30) wrote as JSON (it always starts with
/// '{', which a binary record never does) is still read, and written back as binary at the grain's next save.
/// Removal step: once every store has run a later version for an hour (its saved network then rewritten), delete
/// the JSON branch and <c>legacyJson</c>. A store that has not would then fail to read its saved network: delete
/// that one key before starting it (the next poll rebuilds the network).
/// </para>
/// </summary>
internal sealed class VelibStorageSerializer(OrleansGrainStorageSerializer binary, JsonGrainStorageSerializer legacyJson) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => binary.Serialize(input);

    public T? Deserialize<T>(BinaryData input)
    {
        var bytes = input.ToMemory().Span;
        return !bytes.IsEmpty && bytes[0] == (byte)'{' ? legacyJson.Deserialize<T>(input) : binary.Deserialize<T>(input);
    }
}
