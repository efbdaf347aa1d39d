namespace Velib.Silo.Archive;

/// <summary>
/// The spool's Lua scripts. Each runs atomically in the store, so an append, a seal or a completion is all or
/// nothing, whichever silo runs it and whenever a silo dies.
/// </summary>
internal static class SpoolScripts
{
    /// <summary>
    /// KEYS: open, last, pending. ARGV: max pending, then (station id, availability fingerprint, JSON row) triples.
    /// A row whose fingerprint equals the station's last spooled one is not a change: it is a cycle re-run after a
    /// lost silo, and is skipped. That is what makes the archive exactly-once. Returns {appended, pending}; appended
    /// is negative (the rows refused) when the spool is full.
    /// </summary>
    public const string Append = """
        local pending = tonumber(redis.call('GET', KEYS[3]) or '0')
        local fresh = {}
        for i = 2, #ARGV, 3 do
          if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[i + 1] then
            fresh[#fresh + 1] = i
          end
        end
        if #fresh == 0 then return {0, pending} end
        if pending + #fresh > tonumber(ARGV[1]) then return {-#fresh, pending} end
        for _, i in ipairs(fresh) do
          redis.call('RPUSH', KEYS[1], ARGV[i + 2])
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
        end
        pending = redis.call('INCRBY', KEYS[3], #fresh)
        return {#fresh, pending}
        """;

    /// <summary>KEYS: open, batches, batch. ARGV: batch name. Turns the open list into a sealed batch, if it has rows.</summary>
    public const string Seal = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('RENAME', KEYS[1], KEYS[3])
        redis.call('RPUSH', KEYS[2], ARGV[1])
        return 1
        """;

    /// <summary>KEYS: batches, batch. ARGV: batch name, then the rows. Adds a whole batch at once (station lists).</summary>
    public const string AddBatch = """
        for i = 2, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
        redis.call('RPUSH', KEYS[1], ARGV[1])
        return 1
        """;

    /// <summary>KEYS: batches, batch, pending. ARGV: batch name, change rows in it. Removes an uploaded batch once.</summary>
    public const string Complete = """
        if redis.call('LREM', KEYS[1], 0, ARGV[1]) > 0 then
          redis.call('DEL', KEYS[2])
          if redis.call('DECRBY', KEYS[3], tonumber(ARGV[2])) < 0 then redis.call('SET', KEYS[3], 0) end
        end
        return tonumber(redis.call('GET', KEYS[3]) or '0')
        """;
}
