using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Velib.Silo.Storage;
using Velib.Tests.Support;

namespace Velib.Tests.Store;

/// <summary>The silo's start waits for the store to listen (the AppHost starts silos beside the store, not after it).</summary>
[Unit]
public sealed class StoreGateTests
{
    [Fact]
    public async Task The_gate_stays_closed_while_nothing_listens_and_opens_once_the_store_listens()
    {
        var port = Ports.Free();
        using var store = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false,connectTimeout=200");
        var gate = new StoreGate(store, NullLogger<StoreGate>.Instance);
        var opened = gate.WaitAsync(CancellationToken.None);
        Assert.False(opened.IsCompleted, "the gate opened with no store listening");

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        await opened.Within(TimeSpan.FromSeconds(30), "the gate never opened after the store began to listen");
    }

    [Fact]
    public async Task A_silo_stopped_while_it_waits_for_the_store_stops_waiting()
    {
        using var store = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Ports.Free()},abortConnect=false,connectTimeout=200");
        using var stop = new CancellationTokenSource();
        var waiting = new StoreGate(store, NullLogger<StoreGate>.Instance).WaitAsync(stop.Token);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.Within(TimeSpan.FromSeconds(30), "the wait did not end on cancellation"));
    }
}
