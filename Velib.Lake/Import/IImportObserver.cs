namespace Velib.Lake.Import;

/// <summary>Follows an import: each phase's total rows, then the rows done (the console's progress bar).</summary>
public interface IImportObserver
{
    void Phase(string name, long totalRows);

    void Advance(long rows);
}
