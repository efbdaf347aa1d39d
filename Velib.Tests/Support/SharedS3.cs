using Velib.AppHost.Launch;

namespace Velib.Tests.Support;

/// <summary>One real s3rver for a whole test class (tests keep apart by key prefix).</summary>
public sealed class SharedS3 : IAsyncLifetime
{
    public S3rverProcess Server { get; } = new(RepoPaths.Root, Ports.Free());

    public Task InitializeAsync() => Server.StartAsync();

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
