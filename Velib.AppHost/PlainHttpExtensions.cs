namespace Velib.AppHost;

internal static class PlainHttpExtensions
{
    /// <summary>
    /// Says that a project serves plain HTTP only, as every Velib process does on loopback (see launchSettings.json).
    /// Aspire 13 gives each project an HTTPS certificate callback by default; with one, DCP looks for a trusted
    /// ASP.NET Core development certificate at start and, finding none, the dashboard shows a red "No trusted
    /// development certificate" banner on every page. Without a callback there is nothing to warn about.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlainHttp(this IResourceBuilder<ProjectResource> project)
    {
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API, and the supported way to opt a resource out of the dev certificate
        return project.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
    }
}
