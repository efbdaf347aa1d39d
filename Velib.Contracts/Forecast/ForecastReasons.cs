namespace Velib.Contracts.Forecast;

/// <summary>Why a station has no odds: stable codes for the API, which the page puts in words.</summary>
public static class ForecastReasons
{
    /// <summary>The model saw no history of this station before the forecast's day (a new station, an empty lake).</summary>
    public const string NoHistory = "no-history";

    /// <summary>The station is not installed, renting and returning at the forecast's time.</summary>
    public const string NotInService = "not-in-service";
}
