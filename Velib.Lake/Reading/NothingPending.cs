namespace Velib.Lake.Reading;

/// <summary>No spool: a reader of what S3 holds, such as the importer or a benchmark.</summary>
public sealed class NothingPending : IPendingRows
{
    private static readonly Task<SpoolContents> Empty = Task.FromResult(new SpoolContents([], [], []));

    public Task<SpoolContents> ContentsAsync() => Empty;
}
