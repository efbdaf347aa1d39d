namespace Velib.Tests.Support;

/// <summary>Bounded waits on a signal, whose failure says what never happened.</summary>
public static class Waits
{
    public static async Task<T> Within<T>(this Task<T> task, TimeSpan timeout, string whatNeverHappened)
    {
        try { return await task.WaitAsync(timeout, TimeProvider.System); }
        catch (TimeoutException) { throw new TimeoutException($"{whatNeverHappened} (waited {timeout.TotalSeconds:0} s)"); }
    }

    public static async Task Within(this Task task, TimeSpan timeout, string whatNeverHappened)
    {
        try { await task.WaitAsync(timeout, TimeProvider.System); }
        catch (TimeoutException) { throw new TimeoutException($"{whatNeverHappened} (waited {timeout.TotalSeconds:0} s)"); }
    }

    /// <summary>
    /// Checks <paramref name="condition"/> every 200 ms until it holds: for signals a process gives only in what it
    /// prints or in a state it reaches, with no event to wait on.
    /// </summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string whatNeverHappened) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, whatNeverHappened);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string whatNeverHappened)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout) throw new TimeoutException($"{whatNeverHappened} (waited {timeout.TotalSeconds:0} s)");
            await Task.Delay(200);
        }
    }
}
