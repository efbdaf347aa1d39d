namespace Velib.Silo.Archive.Spool;

/// <summary>
/// The spool's contents as a reader of the lake sees them, read again only when the spool has changed, so that
/// scrubbing through the last hour does not re-read it from the store on every step.
/// </summary>
internal sealed class SpoolView(StoreSpool spool) : IPendingRows
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Version, SpoolContents Contents)? _last;

    public async Task<SpoolContents> ContentsAsync()
    {
        var version = await spool.VersionAsync();
        if (_last is { } last && last.Version == version) return last.Contents;
        await _gate.WaitAsync();
        try
        {
            if (_last is { } again && again.Version == version) return again.Contents;
            var contents = await spool.PeekAsync();
            _last = (version, contents);
            return contents;
        }
        finally
        {
            _gate.Release();
        }
    }
}
