namespace Velib.AppHost;

/// <summary>Which <c>Velib:*</c> settings each process reads.</summary>
internal static class VelibSettings
{
    // Velib:Store: the silo reads its health thresholds there (the store sizes there are the AppHost's, and harmless).
    public static readonly string[] Silo = ["Velib:Feed", "Velib:Archive", "Velib:S3", "Velib:Store"];

    public static readonly string[] Web = ["Velib:Map", "Velib:Gbfs", "Velib:Feed:PollInterval"];

    /// <summary>Secrets: never forwarded as plain settings (the silo gets them as secret parameters, see WithS3).</summary>
    public static readonly string[] Secret = ["Velib:S3:AccessKey", "Velib:S3:SecretKey"];
}

