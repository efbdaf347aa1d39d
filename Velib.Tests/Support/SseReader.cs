namespace Velib.Tests.Support;

/// <summary>Reads Server-Sent Events off a response stream, one event (its name, id and data) at a time.</summary>
internal sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    public sealed record Event(string Name, long? Id, string Data);

    /// <summary>The next event with a name (comments and retry lines skipped), or a failure saying what never came.</summary>
    public async Task<Event> NextAsync(TimeSpan limit, string whatNeverCame)
    {
        using var timeout = new CancellationTokenSource(limit);
        string? name = null, data = null;
        long? id = null;
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(timeout.Token) ?? throw new Xunit.Sdk.XunitException($"the stream ended: {whatNeverCame}");
                if (line.Length == 0)
                {
                    if (name is not null) return new Event(name, id, data ?? "");
                    continue;
                }
                if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{whatNeverCame} (waited {limit.TotalSeconds:0} s)");
        }
    }

    /// <summary>The next event that carries a version (<c>full</c> or <c>delta</c>).</summary>
    public async Task<Event> NextVersionAsync(TimeSpan limit, string whatNeverCame)
    {
        while (true)
        {
            var e = await NextAsync(limit, whatNeverCame);
            if (e.Id is not null) return e;
        }
    }

    public void Dispose() => _reader.Dispose();
}
