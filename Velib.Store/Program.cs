using System.Runtime.InteropServices;
using Garnet;

// Options come from the AppHost (port, AOF folder, memory); see StoreResourceExtensions.
using var server = new GarnetServer(args);
server.Start();
Console.WriteLine($"Velib store (Garnet) listening: {string.Join(' ', args)}");

var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
await stop.Task;

// Everything acknowledged is in the append-only file; commit its tail before exiting.
await server.Store.CommitAOFAsync(CancellationToken.None);
Console.WriteLine("Velib store stopped; AOF committed.");

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}
