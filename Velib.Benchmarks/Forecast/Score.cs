namespace Velib.Benchmarks.Forecast;

/// <summary>Brier score and log loss of probability forecasts, accumulated one example at a time.</summary>
internal sealed class Score
{
    private double _brier, _log;
    private long _n;

    public void Add(double p, int y)
    {
        _brier += (p - y) * (p - y);
        var q = Math.Clamp(p, 1e-3, 1 - 1e-3);
        _log -= y == 1 ? Math.Log(q) : Math.Log(1 - q);
        _n++;
    }

    public double Brier => _brier / Math.Max(_n, 1);

    public double LogLoss => _log / Math.Max(_n, 1);

    public long Count => _n;
}
