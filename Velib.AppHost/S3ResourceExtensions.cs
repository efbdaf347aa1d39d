using Microsoft.Extensions.Configuration;
using Velib.Contracts.Archive;

namespace Velib.AppHost;

/// <summary>The archive's S3: a local s3rver by default, or any S3 service chosen by configuration.</summary>
internal static class S3ResourceExtensions
{
    /// <summary>Where local state lives: s3rver's files and Garnet's AOF (<c>Velib:DataDir</c>).</summary>
    public static string VelibDataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Velib:DataDir"] ?? "data", builder.AppHostDirectory);

    private const string EndpointName = "http";

    /// <summary>The archive bucket: <c>Velib:S3:Bucket</c>, else the one default every process shares.</summary>
    public static string VelibBucket(this IDistributedApplicationBuilder builder) =>
        builder.Configuration["Velib:S3:Bucket"] is { Length: > 0 } bucket ? bucket : ArchiveDefaults.Bucket;

    /// <summary>
    /// Adds the local s3rver unless <c>Velib:S3:ServiceUrl</c> or <c>Velib:S3:Region</c> names a real service,
    /// and the secret parameters that only the silos receive.
    /// </summary>
    public static S3Resources AddVelibS3(this IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(config["Velib:S3:ServiceUrl"]) || !string.IsNullOrWhiteSpace(config["Velib:S3:Region"]))
        {
            // External S3: the AWS SDK's default chain, unless keys are given as secret parameters
            // (Parameters:s3-*-key) or as Velib:S3:AccessKey/SecretKey, which then become secret parameters too.
            var access = builder.S3Secret("s3-access-key", "Velib:S3:AccessKey");
            var secret = builder.S3Secret("s3-secret-key", "Velib:S3:SecretKey");
            return access is null || secret is null ? new S3Resources(null, null, null) : new S3Resources(null, access, secret);
        }

        var directory = Path.Combine(builder.AppHostDirectory, "s3rver");
        var dataDir = Path.Combine(builder.VelibDataDirectory(), "s3");
        var local = builder.AddExecutable("s3", "node", directory, "start.js")
            // Proxyless: at shutdown DCP's proxy goes first, and the silo's last archive flush must still reach s3rver.
            .WithHttpEndpoint(port: config.GetValue("Velib:S3:LocalPort", 4568), name: EndpointName, env: "S3_PORT", isProxied: false)
            .WithEnvironment("S3_DATA_DIR", dataDir)
            .WithEnvironment("S3_BUCKETS", builder.VelibBucket())
            .WithHttpHealthCheck("/", statusCode: 200);
        // s3rver accepts only its own fixed key pair; it comes from AppHost configuration, not code.
        return new S3Resources(local, builder.AddParameter("local-s3-access-key", secret: true),
            builder.AddParameter("local-s3-secret-key", secret: true));
    }

    private static IResourceBuilder<ParameterResource>? S3Secret(this IDistributedApplicationBuilder builder, string name, string settingKey) =>
        builder.Configuration[$"Parameters:{name}"] is { Length: > 0 } ? builder.AddParameter(name, secret: true)
        : builder.Configuration[settingKey] is { Length: > 0 } ? builder.AddParameterFromConfiguration(name, settingKey, secret: true)
        : null;

    /// <summary>Gives a silo the S3 endpoint, bucket and credentials, and waits for a local server.</summary>
    public static IResourceBuilder<ProjectResource> WithS3(this IResourceBuilder<ProjectResource> project, S3Resources s3)
    {
        project.WithEnvironment("Velib__S3__Bucket", project.ApplicationBuilder.VelibBucket());
        if (s3.AccessKey is not null && s3.SecretKey is not null)
        {
            project.WithEnvironment("Velib__S3__AccessKey", s3.AccessKey).WithEnvironment("Velib__S3__SecretKey", s3.SecretKey);
        }
        return s3.Local is null ? project : project
            .WithEnvironment("Velib__S3__ServiceUrl", s3.Local.GetEndpoint(EndpointName))
            .WithEnvironment("Velib__S3__ForcePathStyle", "true")
            .WaitFor(s3.Local);
    }
}
