using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using StackExchange.Redis;
using Velib.Contracts.Stations;
using Velib.Silo.Stations;

namespace Velib.Silo.Archive.Spool;

/// <summary>
/// The durable queue between ingestion and S3, in the store that every silo shares, so it survives the loss of
/// any silo. Changes go to an open list; a flush seals it into a named batch; a batch is removed only once all
/// its S3 objects exist. All keys of one system share a hash tag, so the scripts also run on a Redis cluster.
/// </summary>
internal sealed class StoreSpool(IDatabase db, string system, long maxPending)
{
    private string Key(string part) => $"velib:{{{system}}}:spool:{part}";

    private RedisKey Open => Key("open");
    private RedisKey Last => Key("last");
    private RedisKey PendingKey => Key("pending");
    private RedisKey Batches => Key("batches");
    private RedisKey Batch(SpoolBatch batch) => Key("batch:" + batch.Name);

    public long MaxPending => maxPending;

    /// <summary>
    /// Appends changes durably, skipping any that repeats a station's last spooled availability, and adds the fresh
    /// ones to the stations' 24 h history (<see cref="RecentChanges"/>), in the same script.
    /// Returns the rows appended (0 with <paramref name="changes"/> non-empty: all were repeats), or -n when the
    /// spool was full and n rows were refused, and the rows now pending.
    /// </summary>
    public async Task<(long Appended, long Pending)> AppendAsync(IReadOnlyList<StationChange> changes)
    {
        if (changes.Count == 0) return (0, await PendingAsync());
        var observed = changes.Max(c => c.ObservedUtc);
        var args = new RedisValue[3 + 3 * changes.Count];
        args[0] = maxPending;
        args[1] = RecentChanges.Score(observed);
        args[2] = RecentChanges.Score(observed - RecentChanges.Window);
        for (var i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            args[3 + 3 * i] = c.StationId;
            args[4 + 3 * i] = Fingerprint(c);
            args[5 + 3 * i] = PackedChanges.Row(c);
        }
        var result = (RedisResult[])(await db.ScriptEvaluateAsync(SpoolScripts.Append, [Open, Last, PendingKey, RecentChanges.Key(system)], args))!;
        return ((long)result[0], (long)result[1]);
    }

    /// <summary>Adds a station_information snapshot as a sealed batch of its own.</summary>
    public Task AddStationsAsync(IReadOnlyList<StationRow> rows, DateTime observedUtc) =>
        AddBatchAsync(SpoolBatch.New(SpoolBatchKind.Stations, observedUtc), rows.Select(r => (RedisValue)JsonSerializer.Serialize(r, SpoolJson.Default.StationRow)));

    /// <summary>
    /// Adds a full-state checkpoint (every station's latest change at <paramref name="atUtc"/>) as a sealed batch of
    /// its own: one packed value, not a value per station (1,500 write commands, each with Garnet's ~110 B of AOF overhead
    /// besides its JSON row).
    /// </summary>
    public Task AddCheckpointAsync(IReadOnlyList<StationChange> rows, DateTime atUtc) =>
        AddBatchAsync(SpoolBatch.New(SpoolBatchKind.Checkpoint, atUtc), [PackedChanges.Pack(rows)]);

    private async Task AddBatchAsync(SpoolBatch batch, IEnumerable<RedisValue> rows)
    {
        RedisValue[] args = [batch.Name, .. rows];
        await db.ScriptEvaluateAsync(SpoolScripts.AddBatch, [Batches, Batch(batch)], args);
    }

    /// <summary>Changes in the store and not yet uploaded.</summary>
    public async Task<long> PendingAsync() => (long?)await db.StringGetAsync(PendingKey) ?? 0;

    /// <summary>Closes the open list into a batch named by <paramref name="flushStartUtc"/> and a new id.</summary>
    public async Task SealAsync(DateTime flushStartUtc)
    {
        var batch = SpoolBatch.New(SpoolBatchKind.Changes, flushStartUtc);
        await db.ScriptEvaluateAsync(SpoolScripts.Seal, [Open, Batches, Batch(batch)], [batch.Name]);
    }

    /// <summary>Sealed batches, in the order they were sealed.</summary>
    public async Task<IReadOnlyList<SpoolBatch>> SealedAsync() =>
        [.. (await db.ListRangeAsync(Batches)).Select(v => SpoolBatch.Parse(v.ToString())).OfType<SpoolBatch>()];

    public async Task<List<T>> ReadAsync<T>(SpoolBatch batch, JsonTypeInfo<T> type) =>
        [.. (await db.ListRangeAsync(Batch(batch))).Select(v => JsonSerializer.Deserialize((string)v!, type)!)];

    /// <summary>
    /// A batch of changes or a checkpoint: packed values, or the JSON rows of versions before commit 06b4d74
    /// (2026-12-01). Legacy read path; removal step: once every store has completed a flush on a later version
    /// (<c>/api/status</c>: <c>archive.lastFlushUtc</c> after the upgrade, no <c>lastError</c>), no JSON row is left
    /// in any spool, and the JSON branch below and <see cref="SpoolJson"/>'s <c>StationChange</c> can go.
    /// </summary>
    public async Task<List<StationChange>> ReadChangesAsync(SpoolBatch batch) => Changes(await db.ListRangeAsync(Batch(batch)));

    private static List<StationChange> Changes(RedisValue[] values)
    {
        var changes = new List<StationChange>(values.Length);
        foreach (var v in values)
        {
            var bytes = (byte[])v!;
            if (PackedChanges.IsPacked(bytes)) changes.AddRange(PackedChanges.Unpack(bytes));
            else changes.Add(JsonSerializer.Deserialize(bytes, SpoolJson.Default.StationChange)!);
        }
        return changes;
    }

    /// <summary>
    /// Changes whenever the spool does: the open list only grows until a seal renames it, and a seal or a completed
    /// upload changes the list of batches. Lets a reader keep what it peeked until then.
    /// </summary>
    public async Task<string> VersionAsync()
    {
        var open = db.ListLengthAsync(Open);
        var batches = db.ListRangeAsync(Batches);
        return $"{await open}|{string.Join(',', await batches)}";
    }

    /// <summary>
    /// Everything not yet in S3, for readers of the lake. The open list is read before the batches: a seal in
    /// between moves rows into a batch read after it, and a batch completed in between is already in S3. So a row
    /// may be seen twice (readers dedupe), never missed.
    /// </summary>
    public async Task<SpoolContents> PeekAsync()
    {
        var changes = Changes(await db.ListRangeAsync(Open));
        var checkpoints = new List<Checkpoint>();
        var stations = new List<StationRow>();
        foreach (var batch in await SealedAsync())
        {
            switch (batch.Kind)
            {
                case SpoolBatchKind.Changes: changes.AddRange(await ReadChangesAsync(batch)); break;
                case SpoolBatchKind.Checkpoint: checkpoints.Add(new Checkpoint(batch.StampUtc, await ReadChangesAsync(batch)));  break;
                default: stations.AddRange(await ReadAsync(batch, SpoolJson.Default.StationRow)); break;
            }
        }
        return new SpoolContents(changes, checkpoints, stations);
    }

    /// <summary>Removes a batch once every object made from it is in S3. Returns the rows still pending.</summary>
    public async Task<long> CompleteAsync(SpoolBatch batch, int changes) =>
        (long)await db.ScriptEvaluateAsync(SpoolScripts.Complete, [Batches, Batch(batch), PendingKey], [batch.Name, changes]);

    /// <summary>What makes two observations the same state for the archive: counts and flags, never <c>last_reported</c>.</summary>
    private static string Fingerprint(StationChange c) => string.Create(CultureInfo.InvariantCulture,
        $"{c.Mechanical},{c.Ebike},{c.Docks},{(c.Installed ? 1 : 0)}{(c.Renting ? 1 : 0)}{(c.Returning ? 1 : 0)}");
}
