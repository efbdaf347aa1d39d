namespace Velib.Lake.Import;

/// <summary>An import nobody watches (tests, benchmarks).</summary>
public sealed class SilentObserver : IImportObserver
{
    public static readonly SilentObserver Instance = new();

    public void Phase(string name, long totalRows) { }

    public void Advance(long rows) { }
}
