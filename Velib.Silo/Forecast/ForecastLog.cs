namespace Velib.Silo.Forecast;

internal static partial class ForecastLog
{
    [LoggerMessage(40, LogLevel.Information, "Forecast: the model of {Day:yyyy-MM-dd} fitted on {Snapshots} snapshots ({Examples} examples) in {Seconds:0.0} s and stored")]
    public static partial void Fitted(ILogger logger, DateTime day, int snapshots, int examples, double seconds);

    [LoggerMessage(41, LogLevel.Information, "Forecast: no history before {Day:yyyy-MM-dd}; no model stored, stations get no odds")]
    public static partial void NoHistory(ILogger logger, DateTime day);

    [LoggerMessage(42, LogLevel.Warning, "Forecast: the refit of {Day:yyyy-MM-dd} failed ({Reason}); the next reminder or request tries again")]
    public static partial void Failed(ILogger logger, DateTime day, string reason);
}
