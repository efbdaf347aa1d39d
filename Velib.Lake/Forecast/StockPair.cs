namespace Velib.Lake.Forecast;

/// <summary>One station seen at <see cref="AtUtc"/> and again <see cref="Horizon"/> later: a training or test example.</summary>
public readonly record struct StockPair(long StationId, DateTime AtUtc, TimeSpan Horizon, StockCounts Now, StockCounts Next);
