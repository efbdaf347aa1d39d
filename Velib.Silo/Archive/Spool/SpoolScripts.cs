namespace Velib.Silo.Archive.Spool;

/// <summary>
/// The spool's Lua scripts. Each runs atomically in the store, so an append, a seal or a completion is all or
/// nothing, whichever silo runs it and whenever a silo dies.
/// </summary>
internal static class SpoolScripts
{
    /// <summary>
    /// KEYS: open, last, pending, recent. ARGV: max pending, the cycle's score in the recent log (observed, Unix ms),
    /// the recent log's horizon (the same, 24 h earlier), then (station id, availability fingerprint, packed row)
    /// triples. A row whose fingerprint equals the station's last spooled one is not a change: it is a cycle re-run
    /// after a lost silo, and is skipped. That is what makes the archive exactly-once. The fresh rows go to the open
    /// list as one value, and the same value to the recent log (the stations' 24 h history), so that a cycle costs
    /// the store a few write commands, not a few per change. Returns {appended, pending}; appended is negative (the
    /// rows refused) when the spool is full.
    /// The fingerprints are written last. Garnet logs a script's commands one by one, and on a full disk it kept the
    /// first ones of a script whose reply failed (StoreDiskFullAppTests): fingerprints kept without their rows made
    /// the next cycle skip 49 changes as repeats, lost. In this order a torn script keeps rows without fingerprints,
    /// so the re-run cycle spools them again: a repeated row at the next cycle's time, never a lost change.
    /// </summary>
    public const string Append = """
        local pending = tonumber(redis.call('GET', KEYS[3]) or '0')
        local fresh = {}
        for i = 4, #ARGV, 3 do
          if redis.call('HGET', KEYS[2], ARGV[i]) ~= ARGV[i + 1] then
            fresh[#fresh + 1] = i
          end
        end
        if #fresh == 0 then return {0, pending} end
        if pending + #fresh > tonumber(ARGV[1]) then return {-#fresh, pending} end
        local spread = table.unpack or unpack
        local rows = {'\2'}
        for _, i in ipairs(fresh) do rows[#rows + 1] = ARGV[i + 2] end
        local value = table.concat(rows)
        redis.call('RPUSH', KEYS[1], value)
        pending = redis.call('INCRBY', KEYS[3], #fresh)
        redis.call('ZADD', KEYS[4], ARGV[2], value)
        if redis.call('ZCOUNT', KEYS[4], '-inf', '(' .. ARGV[3]) > 0 then
          redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', '(' .. ARGV[3])
        end
        local fingerprints = {}
        for _, i in ipairs(fresh) do
          fingerprints[#fingerprints + 1] = ARGV[i]
          fingerprints[#fingerprints + 1] = ARGV[i + 1]
          if #fingerprints >= 1000 then
            redis.call('HSET', KEYS[2], spread(fingerprints))
            fingerprints = {}
          end
        end
        if #fingerprints > 0 then redis.call('HSET', KEYS[2], spread(fingerprints)) end
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
