using Velib.Contracts.Feed;

namespace Velib.Silo.Feed;

/// <summary>Success, failure and freshness of a feed's cycles, for <c>/api/status</c>.</summary>
internal sealed class FeedHealth(TimeSpan pollInterval)
{
    private DateTime? _lastSuccessUtc, _lastNewDataUtc;
    private double? _lastCycleMs;
    private int _failures, _skipped;
    private string? _lastError;

    public DateTime? FeedUpdatedUtc { get; private set; }

    public int LastChanges { get; private set; }

    public void Succeeded(DateTime observedUtc, DateTime? feedUpdatedUtc, bool anythingChanged, int changes, int skipped)
    {
        if (anythingChanged || feedUpdatedUtc != FeedUpdatedUtc || _lastNewDataUtc is null)
        {
            _lastNewDataUtc = observedUtc;
        }
        _lastSuccessUtc = observedUtc;
        FeedUpdatedUtc = feedUpdatedUtc ?? FeedUpdatedUtc;
        LastChanges = changes;
        _skipped = skipped;
        _failures = 0;
        _lastError = null;
    }

    public void Failed(string error)
    {
        _failures++;
        _lastError = error;
        LastChanges = 0;
    }

    public void CycleTook(double milliseconds) => _lastCycleMs = milliseconds;

    public FeedStatus ToStatus(string mode, string url, int stations, DateTime nowUtc, DateTime? informationUpdatedUtc)
    {
        var limit = 3 * pollInterval;
        var stale = _lastSuccessUtc is null || nowUtc - _lastSuccessUtc > limit || nowUtc - _lastNewDataUtc > limit;
        return new FeedStatus(mode, url, _lastSuccessUtc, FeedUpdatedUtc, stations, _lastCycleMs, _failures, _lastError, stale, _skipped, informationUpdatedUtc);
    }
}
