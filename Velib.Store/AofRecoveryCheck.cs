using System.Globalization;

namespace Velib.Store;

/// <summary>
/// After Garnet's recovery, says whether the append-only file on disk held more than what was replayed. Garnet
/// stops its replay at a torn or corrupted record and carries on from there, without a word for a torn tail (it
/// warns for a corrupted one, with its logger at Warning): measured with a 10,000-write AOF cut 6 KB short, it
/// replayed 9,942 records and said nothing. Bytes past the recovered tail are always zero in a file Garnet wrote
/// (measured: its pages are zero-filled), so any that are not were dropped, and this prints how many and from which address.
/// </summary>
internal static class AofRecoveryCheck
{
    public static async Task<string> DescribeAsync(string[] args, string? password)
    {
        if (StoreSelf.Option(args, "--checkpointdir") is not { } folder || StoreSelf.Option(args, "--aof-segment-size") is not { } segmentText
            || !args.Contains("--aof")) return "AOF off: nothing replayed";
        var (begin, tail) = await AofAddressesAsync(args, password);
        var segment = long.Parse(segmentText, CultureInfo.InvariantCulture);
        long dropped = 0, firstDropped = -1;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, "AOF"), "aof.log.*"))
        {
            if (!long.TryParse(Path.GetExtension(file).TrimStart('.'), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            var start = index * segment;
            var length = new FileInfo(file).Length;
            if (start + length <= tail) continue;
            await using var stream = File.OpenRead(file);
            var from = Math.Max(0, tail - start);
            stream.Position = from;
            var buffer = new byte[1 << 16];
            var position = start + from;
            for (int read; (read = await stream.ReadAsync(buffer)) > 0; position += read)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == 0) continue;
                    dropped++;
                    if (firstDropped < 0 || position + i < firstDropped) firstDropped = position + i;
                }
            }
        }
        var acknowledged = args.Contains("--aof-commit-wait")
            ? "with --aof-commit-wait a write is answered only once its record is written, so none of them was acknowledged"
            : "without --aof-commit-wait some may have been acknowledged: they are lost";
        var replayed = string.Create(CultureInfo.InvariantCulture, $"AOF replayed from address {begin:N0} to {tail:N0} ({tail - begin:N0} bytes)");
        return dropped == 0 ? $"{replayed}; nothing past it on disk"
            : string.Create(CultureInfo.InvariantCulture, $"{replayed}; DROPPED a torn or corrupted tail: {dropped:N0} non-zero bytes on disk past it (from address {firstDropped:N0}), not replayed ({acknowledged})");
    }

    /// <summary>INFO persistence: where the AOF a restart replays begins, and its tail.</summary>
    private static async Task<(long Begin, long Tail)> AofAddressesAsync(string[] args, string? password)
    {
        var text = await StoreSelf.AskAsync(args, password, "INFO", "persistence") ?? throw new InvalidOperationException("the store closed the connection on INFO");
        var fields = new Dictionary<string, long>();
        foreach (var line in text.Split('\n', StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) fields[parts[0]] = value;
        }
        return (fields["BeginAddress"], fields["TailAddress"]);
    }
}
