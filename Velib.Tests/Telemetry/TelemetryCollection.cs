namespace Velib.Tests.Telemetry;

/// <summary>Tests that listen to every activity in the process run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
