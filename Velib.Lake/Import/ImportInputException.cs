namespace Velib.Lake.Import;

/// <summary>An input the importer refuses, named by file and (1-based) row so that it can be found and fixed.</summary>
public sealed class ImportInputException(string file, long? row, string reason)
    : Exception(row is { } r ? $"{file}: row {r}: {reason}" : $"{file}: {reason}")
{
    public string File { get; } = file;

    public long? Row { get; } = row;

    public string Reason { get; } = reason;
}
