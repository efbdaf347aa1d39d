namespace Velib.AppHost;

/// <summary>The local s3rver (null for an external S3) and the credentials given to the silos only.</summary>
internal sealed record S3Resources(
    IResourceBuilder<ExecutableResource>? Local,
    IResourceBuilder<ParameterResource>? AccessKey,
    IResourceBuilder<ParameterResource>? SecretKey);
