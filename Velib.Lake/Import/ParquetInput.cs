using Parquet;
using Parquet.Schema;

namespace Velib.Lake.Import;

/// <summary>
/// A Parquet input read column by column (the fast path: no row objects), with every failure turned into an
/// <see cref="ImportInputException"/> that names the file and, where there is one, the row.
/// </summary>
internal sealed class ParquetInput(string file, ParquetReader reader) : IAsyncDisposable
{
    public string File => file;

    public ParquetReader Reader => reader;

    public static async Task<ParquetInput> OpenAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return new ParquetInput(file, await ParquetReader.CreateAsync(file, cancellationToken: cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not FileNotFoundException)
        {
            throw new ImportInputException(file, null, $"not a readable Parquet file (truncated or damaged?): {ex.Message}");
        }
    }

    public bool Has(string name) => reader.Schema.GetDataFields().Any(f => f.Name == name);

    public long RowCount => Enumerable.Range(0, reader.RowGroupCount).Sum(g => reader.OpenRowGroupReader(g).RowCount);

    /// <summary>The column, checked to exist and to hold one of the accepted types.</summary>
    public DataField Field(string name, params Type[] accepted)
    {
        var field = reader.Schema.GetDataFields().FirstOrDefault(f => f.Name == name)
            ?? throw new ImportInputException(file, null, $"missing column '{name}' (columns: {string.Join(", ", reader.Schema.GetDataFields().Select(f => f.Name))})");
        if (!accepted.Contains(field.ClrType) || field.IsArray)
        {
            throw new ImportInputException(file, null, $"column '{name}' has type {field.ClrType.Name}{(field.IsArray ? "[]" : "")}, expected {string.Join(" or ", accepted.Select(t => t.Name))}");
        }
        return field;
    }

    /// <summary>Reads one column of a row group; a damaged page is reported with the rows of that group.</summary>
    public async Task<T?[]> ValuesAsync<T>(ParquetRowGroupReader group, DataField field, long firstRow, CancellationToken cancellationToken) where T : struct
    {
        var values = new T?[group.RowCount];
        if (field.IsNullable)
        {
            await Guard(group, firstRow, field, () => group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).AsTask());
            return values;
        }
        // A required column is read as such: read as nullable, Parquet.Net 6.1 was seen to return nulls for it.
        var required = new T[group.RowCount];
        await Guard(group, firstRow, field, () => group.ReadAsync<T>(field, required.AsMemory(), null, cancellationToken).AsTask());
        for (var i = 0; i < required.Length; i++) values[i] = required[i];
        return values;
    }

    public async Task<string?[]> StringsAsync(ParquetRowGroupReader group, DataField field, long firstRow, CancellationToken cancellationToken)
    {
        var values = new string?[group.RowCount];
        await Guard(group, firstRow, field, () => group.ReadAsync(field, values.AsMemory(), null, cancellationToken).AsTask());
        return values;
    }

    /// <summary>Integers of either width, as 64-bit.</summary>
    public async Task<long?[]> IntegersAsync(ParquetRowGroupReader group, DataField field, long firstRow, CancellationToken cancellationToken) =>
        field.ClrType == typeof(int)
            ? [.. (await ValuesAsync<int>(group, field, firstRow, cancellationToken)).Select(v => (long?)v)]
            : await ValuesAsync<long>(group, field, firstRow, cancellationToken);

    private async Task Guard(ParquetRowGroupReader group, long firstRow, DataField field, Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ImportInputException)
        {
            throw new ImportInputException(file, firstRow + 1,
                $"column '{field.Name}' of rows {firstRow + 1}-{firstRow + group.RowCount} cannot be read (truncated or damaged?): {ex.Message}");
        }
    }

    public ValueTask DisposeAsync() => reader.DisposeAsync();
}
