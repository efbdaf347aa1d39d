namespace Velib.Benchmarks.Months;

/// <summary>One simulated day of the long run: what it wrote, and where the store and the silo stood at its end.</summary>
/// <param name="AofBytes">Bytes the store appended to its AOF during the day (its own counter, checkpoints or not).</param>
/// <param name="AofLength">The AOF a restart would replay at the end of the day (tail minus begin).</param>
internal sealed record MonthsDay(int Day, DateOnly Date, long Changes, long AofBytes, long AofLength, long FolderBytes,
    long StoreRss, long SiloRss, long Pending, double Seconds, double CycleP50Ms)
{
    public double BytesPerChange => Changes == 0 ? 0 : (double)AofBytes / Changes;
}
