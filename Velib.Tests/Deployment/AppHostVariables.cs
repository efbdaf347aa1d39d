using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Velib.Tests.Deployment;

/// <summary>
/// The environment the AppHost gives each project (silo1 … siloN as "silo"), read from its model without starting
/// anything: what a process needs on a host of its own.
/// </summary>
public static class AppHostVariables
{
    public static async Task<IReadOnlyDictionary<string, ProcessConfiguration>> LoadAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var dataDir = Directory.CreateTempSubdirectory("velib-model-").FullName;
        try
        {
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Velib_AppHost>([$"--Velib:DataDir={dataDir}"], cts.Token);
            await using var app = await builder.BuildAsync(cts.Token);
            var model = app.Services.GetRequiredService<DistributedApplicationModel>();
            var result = new Dictionary<string, ProcessConfiguration>();
            foreach (var project in model.Resources.OfType<ProjectResource>())
            {
                var process = project.Name.StartsWith("silo", StringComparison.Ordinal) ? "silo" : project.Name == "garnet" ? "store" : project.Name;
                // Publish: values are not resolved (no port is allocated, no secret is read); the names are what matter.
                var configuration = await ExecutionConfigurationBuilder.Create(project).WithEnvironmentVariablesConfig().WithArgumentsConfig()
                    .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance, cts.Token);
                if (configuration.Exception is { } exception) throw exception;
                result[process] = new ProcessConfiguration(configuration.EnvironmentVariables.ToDictionary(), [.. configuration.Arguments.Select(a => a.Value)]);
            }
            return result;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
