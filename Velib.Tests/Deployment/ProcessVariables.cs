using System.Reflection;
using Orleans.Configuration;
using Velib.Silo.Archive;
using Velib.Silo.Feed;
using Velib.Silo.Hosting;
using Velib.Web.Api;
using Velib.Web.Gbfs;
using Velib.Web.Live;
using Velib.ServiceDefaults;
using Velib.Store;

namespace Velib.Tests.Deployment;

/// <summary>
/// The environment variables each process reads, taken from its code: the properties of the options it binds,
/// the Orleans settings of a silo or a client, the store's own variables, and those of the platform.
/// </summary>
public static class ProcessVariables
{
    public static readonly string[] Processes = ["store", "silo", "web"];

    public static bool Reads(string process, string name) => process switch
    {
        "store" => name is StoreArguments.PasswordVariable or StoreArguments.ShutdownGraceVariable,
        "silo" => Options(name, (FeedOptions.Section, typeof(FeedOptions)), (ArchiveOptions.Section, typeof(ArchiveOptions)), (S3Options.Section, typeof(S3Options)), (Velib.Silo.Storage.StoreOptions.Section, typeof(Velib.Silo.Storage.StoreOptions)))
            || name == "Velib__Commands__Token" || Orleans(name, silo: true) || name == "ConnectionStrings__store"
            || KubernetesHosting.PodVariables.Contains(name) || TrustedCertificate(name) || Platform(name),
        "web" => Options(name, (MapOptions.Section, typeof(MapOptions)), (GbfsOptions.Section, typeof(GbfsOptions)), (ApiOptions.Section, typeof(ApiOptions)))
            || Orleans(name, silo: false) || name == "ConnectionStrings__store" || TrustedCertificate(name) || Platform(name),
        _ => throw new ArgumentOutOfRangeException(nameof(process), process, "not a Velib process"),
    };

    /// <summary><c>Section__Property</c> for a public settable property of an options class bound to that section.</summary>
    private static bool Options(string name, params (string Section, Type Type)[] options) => options.Any(o =>
        o.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.CanWrite
            && string.Equals(name, $"{o.Section.Replace(":", "__", StringComparison.Ordinal)}__{p.Name}", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The <c>Orleans</c> section that UseOrleans / UseOrleansClient read: ids, providers, endpoints (silo only).</summary>
    private static bool Orleans(string name, bool silo)
    {
        if (!name.StartsWith("Orleans__", StringComparison.Ordinal)) return false;
        var key = name["Orleans__".Length..];
        string[] providers = silo ? ["Clustering", "Reminders", "GrainStorage__Default"] : ["Clustering"];
        return key is nameof(ClusterOptions.ClusterId) or nameof(ClusterOptions.ServiceId) or "EnableDistributedTracing"
            || providers.Any(p => key == $"{p}__ProviderType" || key == $"{p}__ServiceKey")
            || silo && typeof(EndpointOptions).GetProperties().Any(p => p.CanWrite && key == $"Endpoints__{p.Name}");
    }

    private static bool TrustedCertificate(string name) =>
        name == StoreTls.TrustedCertificateKey.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>ASP.NET Core's and OpenTelemetry's own.</summary>
    private static bool Platform(string name) =>
        name is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_ENVIRONMENT" || name.StartsWith("OTEL_", StringComparison.Ordinal);

    /// <summary>
    /// What a process needs wherever it runs: the AppHost's settings of the store, the cluster and the archive, less
    /// those that are local by nature (see <see cref="LocalOnly"/>).
    /// </summary>
    public static IEnumerable<string> Required(string process, ProcessConfiguration appHost) =>
        appHost.Environment.Keys.Where(k => k.StartsWith("Orleans__", StringComparison.Ordinal)
                || k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("Velib__", StringComparison.Ordinal))
            .Except(LocalOnly)
            .Concat(process == "silo" ? KubernetesHosting.PodVariables : []);

    /// <summary>
    /// Set by the AppHost for a machine of its own, and not needed elsewhere: the silo's advertised address (Kubernetes
    /// hosting takes the pod's IP), the dashboard's command token, the local store's data folder (its size is read
    /// only where the store runs beside the silo), and the local s3rver's endpoint and keys (AWS needs neither; an
    /// S3-compatible service sets them in the ConfigMap and the Secret).
    /// </summary>
    public static readonly string[] LocalOnly =
    [
        "Orleans__Endpoints__AdvertisedIPAddress", "Velib__Commands__Token", "Velib__Store__DataDirectory",
        "Velib__S3__ServiceUrl", "Velib__S3__ForcePathStyle", "Velib__S3__AccessKey", "Velib__S3__SecretKey",
    ];
}
