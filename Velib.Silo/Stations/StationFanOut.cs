using Velib.Contracts.Stations;

namespace Velib.Silo.Stations;

/// <summary>Applies observations to station grains with bounded concurrency.</summary>
internal static class StationFanOut
{
    /// <summary>What a fan-out produced: the changes from calls that succeeded, and the first failure.</summary>
    public sealed record Result(List<StationChange> Changes, int Failed, Exception? FirstFailure)
    {
        public void ThrowIfFailed()
        {
            if (FirstFailure is not null)
            {
                throw new InvalidOperationException($"{Failed} station grain calls failed; the snapshot was not advanced", FirstFailure);
            }
        }
    }

    /// <summary>
    /// Runs in the calling grain's scheduler, so the continuations below never run concurrently and the lists
    /// need no locks.
    /// </summary>
    public static async Task<Result> ApplyAsync(IGrainFactory grains, IReadOnlyList<Station> stations, int concurrency,
        DateTime observedUtc, DateTime feedUpdatedUtc)
    {
        var changes = new List<StationChange>(stations.Count);
        var failed = 0;
        Exception? first = null;
        var inFlight = new List<Task>(concurrency);
        foreach (var station in stations)
        {
            if (inFlight.Count >= concurrency)
            {
                inFlight.Remove(await Task.WhenAny(inFlight));
            }
            inFlight.Add(ApplyOne(station));
        }
        await Task.WhenAll(inFlight);
        return new Result(changes, failed, first);

        async Task ApplyOne(Station station)
        {
            try
            {
                if (await grains.GetGrain<IStationGrain>(station.Id).Apply(station, observedUtc, feedUpdatedUtc) is { } change)
                {
                    changes.Add(change);
                }
            }
            catch (Exception ex)
            {
                failed++;
                first ??= ex;
            }
        }
    }
}
