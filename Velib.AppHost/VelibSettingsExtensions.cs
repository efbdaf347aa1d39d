using Microsoft.Extensions.Configuration;

namespace Velib.AppHost;

/// <summary>Forwards the user's Velib settings from the AppHost's configuration to a project.</summary>
internal static class VelibSettingsExtensions
{
    /// <summary>
    /// Every key under <c>Velib</c> (command line, environment, appsettings, user secrets) reaches the project
    /// as an environment variable, so <c>--Velib:Feed:Url=…</c> on the AppHost configures the silo.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithVelibSettings(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var (key, value) in project.ApplicationBuilder.Configuration.GetSection("Velib").AsEnumerable())
        {
            if (value is not null && !key.Equals("Velib:DataDir", StringComparison.OrdinalIgnoreCase))
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return project;
    }
}
