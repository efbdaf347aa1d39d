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
}
