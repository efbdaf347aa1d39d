using Velib.Contracts.Systems;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Velib.Contracts.Feed;
using Velib.Tests.Support;

namespace Velib.Tests.Telemetry;

/// <summary>Activity listeners are process-wide, so these tests run alone (see <see cref="TelemetryCollection"/>).</summary>
[Grain]
[Collection(TelemetryCollection.Name)]
public sealed class TraceTests
{
    [SharedDataFact]
    public async Task One_ingest_cycle_over_the_real_network_is_one_root_span_of_a_few_dozen_spans()
    {
        var spans = new List<Activity>();
        await using var feed = await RecordedFeedServer.StartAsync(SharedData.Bytes(SharedData.Velib("station_information.json")),
            SharedData.Bytes(SharedData.Velib("station_status.json")));
        await using var cluster = await VelibTestCluster.StartAsync(VelibTestCluster.Live(feed.DiscoveryUrl), host: h =>
        {
            h.ConfigureOpenTelemetry();
            h.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        });

        Assert.Equal(1495, await cluster.Client.GetGrain<IFeedIngestionGrain>(SystemId.Velib.Value).Poll());

        Activity[] trace;
        lock (spans)
        {
            var root = Assert.Single(spans, s => s.DisplayName == "ingest velib");
            Assert.Equal(default, root.ParentSpanId);
            trace = [.. spans.Where(s => s.TraceId == root.TraceId)];
        }
        Assert.InRange(trace.Length, 6, 50);
        Assert.Subset(trace.Select(s => s.DisplayName).ToHashSet(), new HashSet<string> { "fetch", "parse", "spool", "fan-out", "snapshot" });
        var fanOut = Assert.Single(trace, s => s.DisplayName == "fan-out");
        Assert.Equal(1495, fanOut.GetTagItem("velib.fanout.grains"));
        Assert.Equal(0, fanOut.GetTagItem("velib.fanout.failures"));
        Assert.NotNull(fanOut.GetTagItem("velib.fanout.slowest_ms"));
        // Not in the trace, and not as orphans elsewhere either (a callee whose caller's span was dropped).
        lock (spans) Assert.DoesNotContain(spans, s => s.DisplayName.Contains("IStationGrain", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Orleans_runtime_and_blazor_circuit_chatter_are_not_exported_as_root_spans()
    {
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder();
        builder.ConfigureOpenTelemetry();
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        using var host = builder.Build();
        await host.StartAsync();

        foreach (var (source, name) in new[]
        {
            ("Microsoft.Orleans.Runtime", "IMembershipTable/ReadAllAsync"),
            ("Microsoft.Orleans.Application", "IMembershipService/UpdateIAmAliveAsync"),
            ("Microsoft.AspNetCore.SignalR.Server", "Microsoft.AspNetCore.Components.Server.ComponentHub/OnRenderCompleted"),
            ("Microsoft.AspNetCore.Components.Server.Circuits", "Circuit dWCCt7kgFNIXkdqnKaINjcBnw5QtU9ZCDGDV3QgP9hc"),
            ("Microsoft.AspNetCore.Components", "Route / -> Velib.Web.Map.MapPage"),
            ("Velib", "ingest velib"),
        })
        {
            using var activitySource = new ActivitySource(source);
            activitySource.StartActivity(name)?.Dispose();
        }
        await host.StopAsync();

        lock (spans) Assert.Equal(["ingest velib"], spans.Select(s => s.DisplayName));
    }
}
