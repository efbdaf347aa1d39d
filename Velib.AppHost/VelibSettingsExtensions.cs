using Microsoft.Extensions.Configuration;

namespace Velib.AppHost;

/// <summary>Forwards the user's Velib settings from the AppHost's configuration to a project.</summary>
internal static class VelibSettingsExtensions
{
    /// <summary>
    /// Every key under <paramref name="sections"/> (command line, environment, appsettings, user secrets) reaches
    /// the project as an environment variable, so <c>--Velib:Feed:Url=…</c> on the AppHost configures the silos.
    /// A process gets only the sections it reads, and never a secret.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithVelibSettings(this IResourceBuilder<ProjectResource> project, params string[] sections)
    {
        foreach (var section in sections)
        {
            foreach (var (key, value) in project.ApplicationBuilder.Configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null && !VelibSettings.Secret.Contains(key, StringComparer.OrdinalIgnoreCase))
                {
                    project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
                }
            }
        }
        return project;
    }
}
