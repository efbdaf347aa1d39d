namespace Velib.AppHost;

/// <summary>Which <c>Velib:*</c> settings each process reads.</summary>
internal static class VelibSettings
{
    public static readonly string[] Silo = ["Velib:Feed", "Velib:Archive", "Velib:S3"];

    public static readonly string[] Web = ["Velib:Map", "Velib:Gbfs", "Velib:Feed:PollInterval"];

    /// <summary>Secrets: never forwarded as plain settings (the silo gets them as secret parameters, see WithS3).</summary>
    public static readonly string[] Secret = ["Velib:S3:AccessKey", "Velib:S3:SecretKey"];
}

