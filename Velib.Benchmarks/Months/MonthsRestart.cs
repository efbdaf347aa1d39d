namespace Velib.Benchmarks.Months;

/// <summary>
/// The restart at the end of the run, in its steps: the store back (checkpoint recovered and AOF tail replayed,
/// answering PING), a new silo up, and the network served (the snapshot the web serves <c>/api/stations</c> from),
/// then the first poll on the restored network.
/// </summary>
internal sealed record MonthsRestart(long FolderBytes, long AofReplayed, TimeSpan Store, TimeSpan Silo, TimeSpan Served,
    TimeSpan FirstPoll, int Stations, int HistoriesChecked, int FirstPollChanges)
{
    public TimeSpan ToServing => Store + Silo + Served;
}
