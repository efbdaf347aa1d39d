namespace Velib.Lake.Forecast;

/// <summary>A model with what it was fitted on, as stored in the lake.</summary>
public sealed record FittedModel(ForecastModelInfo Info, StockModel Model);
