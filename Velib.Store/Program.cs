using System.Globalization;
using System.Runtime.InteropServices;
using Velib.ServiceDefaults;
using Velib.Store;

// A script that starts the store by hand (bench/hosts.sh) asks for the command line the AppHost builds, one argument a
// line, rather than keeping a copy of it that would drift.
if (args is ["print-garnet-args", var bind, var port, var folder])
{
    foreach (var argument in GarnetArguments.For(int.Parse(port, CultureInfo.InvariantCulture), folder, bind: bind)) Console.WriteLine(argument);
    return;
}

// Options come from the AppHost (port, AOF folder, memory; see StoreResourceExtensions) or the StatefulSet.
using var host = new StoreHost(args, StoreArguments.With(args, Environment.GetEnvironmentVariable));
// What the recovery replayed, and whether a torn or corrupted AOF tail was dropped (Garnet is silent on a torn one).
Console.WriteLine($"Velib store recovery: {await host.DescribeRecoveryAsync()}");
using var watching = new CancellationTokenSource();
var watch = args.Contains("--aof") ? host.WatchAsync(watching.Token) : Task.CompletedTask;
var auth = StoreArguments.RequiresPassword(Environment.GetEnvironmentVariable) ? "password required" : "no password";
// The command line only: the password is added to Garnet's options, never printed.
Console.WriteLine($"Velib store (Garnet) listening ({auth}): {string.Join(' ', args)}");

// The AppHost stops every resource at once, and the silos still use the store while they shut down (the
// archive's last flush reads the spool, membership says goodbye). So the store serves for a short grace period
// after the first signal; a second signal stops it at once.
var grace = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable(StoreArguments.ShutdownGraceVariable) ?? "8", CultureInfo.InvariantCulture));
var stop = new TaskCompletionSource();
var signals = 0;
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
await stop.Task;
await watching.CancelAsync();
try { await watch; } catch (OperationCanceledException) { }

// Everything acknowledged is in the append-only file; commit its tail before exiting.
await host.Server.Store.CommitAOFAsync(CancellationToken.None);
Console.WriteLine("Velib store stopped; AOF committed.");

void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (Interlocked.Increment(ref signals) > 1) stop.TrySetResult();
    else _ = Task.Delay(grace).ContinueWith(_ => stop.TrySetResult(), TaskScheduler.Default);
}
