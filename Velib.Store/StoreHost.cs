using System.Globalization;
using Garnet;

namespace Velib.Store;

/// <summary>
/// The Garnet server of this process, brought back once its disk has room again. Measured on a full tmpfs: once an
/// AOF write fails (ENOSPC), Garnet refuses every later write on that server (each one closes the client's
/// connection with a CommitFailureException), even after space returns; reads still work. So every
/// <see cref="Interval"/> this writes one small probe key; when that fails twice running, it says so, waits until
/// the data folder's disk has <see cref="Headroom"/> free, and starts a new server on the same folder, which
/// recovers every acknowledged write (written before it was answered: <c>--aof-commit-wait</c>). Clients reconnect.
/// </summary>
internal sealed class StoreHost(string[] args, string[] options) : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private const string ProbeKey = "velib:store:write-probe";

    public GarnetServer Server { get; private set; } = Start(options);

    private string? Password => Environment.GetEnvironmentVariable(StoreArguments.PasswordVariable);

    /// <summary>Free space the AOF needs before writing again: a few of its pages.</summary>
    private long Headroom => 4 * long.Parse(StoreSelf.Option(args, "--aof-page-size") ?? "33554432", CultureInfo.InvariantCulture);

    public Task<string> DescribeRecoveryAsync() => AofRecoveryCheck.DescribeAsync(args, Password);

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, cancellationToken);
            failures = await WritesAsync() ? 0 : failures + 1;
            if (failures < 2) continue;
            var folder = StoreSelf.Option(args, "--checkpointdir") ?? ".";
            Console.WriteLine($"Velib store: WRITES REFUSED: Garnet can no longer write its AOF (disk full?); {Free(folder) / 1048576:N0} MB free in {folder}; it restarts on the same folder once {Headroom / 1048576:N0} MB are free");
            while (Free(folder) < Headroom) await Task.Delay(Interval, cancellationToken);
            try
            {
                await Task.Run(Server.Dispose, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.WriteLine($"Velib store: stopping the failed server: {ex.GetType().Name}: {ex.Message}");
            }
            Server = Start(options);
            Console.WriteLine($"Velib store: writes resumed after a restart on the same folder; recovery: {await DescribeRecoveryAsync()}");
            failures = 0;
        }
    }

    private async Task<bool> WritesAsync()
    {
        try
        {
            return await StoreSelf.AskAsync(args, Password, "SET", ProbeKey, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)) == "+OK";
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static long Free(string folder) => new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;

    private static GarnetServer Start(string[] options)
    {
        var server = new GarnetServer(options);
        server.Start();
        return server;
    }

    public void Dispose() => Server.Dispose();
}
