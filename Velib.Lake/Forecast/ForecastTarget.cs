namespace Velib.Lake.Forecast;

/// <summary>What a rider needs at least one of.</summary>
public enum ForecastTarget { Bikes, Mechanical, Ebike, Docks }
