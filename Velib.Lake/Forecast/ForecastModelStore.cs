namespace Velib.Lake.Forecast;

/// <summary>Fitted models as lake objects, one per UTC day: <c>{prefix}forecast/date=YYYY-MM-DD/stock-model.bin</c>.</summary>
public sealed class ForecastModelStore(S3ArchiveStore store, string prefix)
{
    public string KeyOf(DateTime dayUtc) => ArchiveLayout.ForecastModelKey(prefix, dayUtc);

    public Task<bool> ExistsAsync(DateTime dayUtc, CancellationToken cancellationToken) => store.ExistsAsync(KeyOf(dayUtc), cancellationToken);

    /// <summary>The day's model, or null when none has been stored.</summary>
    public async Task<FittedModel?> TryReadAsync(DateTime dayUtc, CancellationToken cancellationToken)
    {
        var key = KeyOf(dayUtc);
        await using var body = await store.TryGetAsync(key, cancellationToken);
        return body is null ? null : StockModelFile.Read(body.ToArray(), key);
    }

    /// <summary>Stores the model under its day; a second write of the same fit writes the same bytes.</summary>
    public Task WriteAsync(FittedModel fitted, CancellationToken cancellationToken) =>
        store.PutAsync(KeyOf(fitted.Info.DayUtc), StockModelFile.Write(fitted), cancellationToken, "application/octet-stream");
}
