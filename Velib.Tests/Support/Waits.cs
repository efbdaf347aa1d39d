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
}
