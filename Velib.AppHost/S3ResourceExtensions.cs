namespace Velib.AppHost;

/// <summary>The archive's S3: a local s3rver by default, or any S3 service chosen by configuration.</summary>
internal static class S3ResourceExtensions
{
    /// <summary>Where local state lives: s3rver's files and the archive spool (<c>Velib:DataDir</c>).</summary>
    public static string VelibDataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Velib:DataDir"] ?? "data", builder.AppHostDirectory);

    private const string EndpointName = "http";

    /// <summary>
    /// Adds the local s3rver unless <c>Velib:S3:ServiceUrl</c> or <c>Velib:S3:Region</c> names a real service.
    /// Returns null when an external S3 is used.
    /// </summary>
    public static IResourceBuilder<ExecutableResource>? AddVelibS3(this IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (!string.IsNullOrWhiteSpace(config["Velib:S3:ServiceUrl"]) || !string.IsNullOrWhiteSpace(config["Velib:S3:Region"]))
        {
            return null;
        }

        var directory = Path.Combine(builder.AppHostDirectory, "s3rver");
        var dataDir = Path.Combine(builder.VelibDataDirectory(), "s3");
        return builder.AddExecutable("s3", "node", directory, "start.js")
            // Proxyless: at shutdown DCP's proxy goes first, and the silo's last archive flush must still reach s3rver.
            .WithHttpEndpoint(port: 4568, name: EndpointName, env: "S3_PORT", isProxied: false)
            .WithEnvironment("S3_DATA_DIR", dataDir)
            .WithEnvironment("S3_BUCKETS", config["Velib:S3:Bucket"] ?? "velib-archive")
            .WithHttpHealthCheck("/", statusCode: 200);
    }

    /// <summary>Gives the silo the S3 endpoint, credentials and spool folder, and waits for a local server.</summary>
    public static IResourceBuilder<ProjectResource> WithS3(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<ExecutableResource>? localS3)
    {
        var builder = project.ApplicationBuilder;
        // The archive spool must outlive the silo process, so by default it sits in the AppHost's data folder.
        if (builder.Configuration["Velib:Archive:SpoolDirectory"] is null)
        {
            project.WithEnvironment("Velib__Archive__SpoolDirectory", Path.Combine(builder.VelibDataDirectory(), "spool"));
        }
        if (localS3 is not null)
        {
            // s3rver accepts only its own fixed key pair; it comes from AppHost configuration, not code.
            var accessKey = builder.AddParameter("local-s3-access-key", secret: true);
            var secretKey = builder.AddParameter("local-s3-secret-key", secret: true);
            return project
                .WithEnvironment("Velib__S3__ServiceUrl", localS3.GetEndpoint(EndpointName))
                .WithEnvironment("Velib__S3__ForcePathStyle", "true")
                .WithEnvironment("Velib__S3__AccessKey", accessKey)
                .WithEnvironment("Velib__S3__SecretKey", secretKey)
                .WaitFor(localS3);
        }

        // External S3: credentials come from the AWS SDK's default chain unless both secret parameters are set.
        if (builder.Configuration["Parameters:s3-access-key"] is { Length: > 0 }
            && builder.Configuration["Parameters:s3-secret-key"] is { Length: > 0 })
        {
            project.WithEnvironment("Velib__S3__AccessKey", builder.AddParameter("s3-access-key", secret: true))
                   .WithEnvironment("Velib__S3__SecretKey", builder.AddParameter("s3-secret-key", secret: true));
        }
        return project;
    }
}
