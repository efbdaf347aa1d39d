namespace Velib.Lake.Forecast;

/// <summary>One station seen at <see cref="AtUtc"/> and again <see cref="Horizon"/> later: a training or test example.</summary>
/// <param name="Before">The station about an hour before <see cref="AtUtc"/> (see <see cref="Trend"/>), when known.</param>
public readonly record struct StockPair(long StationId, DateTime AtUtc, TimeSpan Horizon, StockCounts Now, StockCounts Next, StockCounts? Before = null);
