using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Velib.Tests.Support;
using Velib.ServiceDefaults;

namespace Velib.Tests.Store;

/// <summary>/api/status shows the store's eviction policy where the store reports one.</summary>
[Integration]
public sealed class EvictionPolicyTests
{
    [Fact]
    public async Task Garnet_reports_no_eviction_policy_and_an_unreachable_store_answers_null()
    {
        using var store = new TestStore();
        using var garnet = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        Assert.Null(await StoreConnection.EvictionPolicyAsync(garnet, TimeSpan.FromSeconds(5)));

        using var nowhere = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Ports.Free()},abortConnect=false,connectTimeout=200");
        // How long it takes is not this test's business (a loaded machine stretches it); that it answers at all is.
        Assert.Null(await StoreConnection.EvictionPolicyAsync(nowhere, TimeSpan.FromSeconds(1))
            .Within(TimeSpan.FromMinutes(2), "an unreachable store's eviction policy was never answered"));
    }
}
