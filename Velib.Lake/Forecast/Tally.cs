namespace Velib.Lake.Forecast;

/// <summary>Outcome sums and counts by key: the one structure every model and baseline here is fitted into.</summary>
public sealed class Tally
{
    private readonly Dictionary<long, (double Sum, int N)> _cells = [];

    public void Add(long key, double y)
    {
        _cells.TryGetValue(key, out var c);
        _cells[key] = (c.Sum + y, c.N + 1);
    }

    public (double Sum, int N) this[long key] => _cells.TryGetValue(key, out var c) ? c : (0, 0);

    /// <summary>The cell's frequency shrunk towards <paramref name="prior"/> with the weight of <paramref name="strength"/> examples.</summary>
    public double Shrunk(long key, double prior, double strength)
    {
        var (sum, n) = this[key];
        return (sum + strength * prior) / (n + strength);
    }

    public int Cells => _cells.Count;

    /// <summary>Every cell in key order, so that a model written twice gives the same bytes.</summary>
    public IEnumerable<(long Key, double Sum, int N)> Ordered() => _cells.OrderBy(c => c.Key).Select(c => (c.Key, c.Value.Sum, c.Value.N));

    /// <summary>Puts a cell back as it was written (reading a stored model).</summary>
    public void Set(long key, double sum, int n) => _cells[key] = (sum, n);
}
