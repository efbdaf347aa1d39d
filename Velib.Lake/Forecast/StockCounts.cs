namespace Velib.Lake.Forecast;

/// <summary>A station's counts at one moment.</summary>
public readonly record struct StockCounts(int Mechanical, int Ebike, int Docks)
{
    public int Of(ForecastTarget target) => target switch
    {
        ForecastTarget.Bikes => Mechanical + Ebike,
        ForecastTarget.Mechanical => Mechanical,
        ForecastTarget.Ebike => Ebike,
        _ => Docks,
    };
}
