namespace Velib.Tests.Deployment;

/// <summary>What the AppHost gives one process: its environment and its command line.</summary>
public sealed record ProcessConfiguration(IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Arguments);
