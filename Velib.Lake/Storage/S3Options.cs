using System.ComponentModel.DataAnnotations;

namespace Velib.Lake.Storage;

/// <summary>
/// Where the archive lives (<c>Velib:S3</c>). Leave <see cref="AccessKey"/> and <see cref="SecretKey"/> empty to use
/// the AWS SDK's default credential chain.
/// </summary>
public sealed class S3Options
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Velib:S3";

    /// <summary>The bucket; it must exist.</summary>
    [Required, RegularExpression("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", ErrorMessage = "Bucket must be a valid S3 bucket name.")]
    public string Bucket { get; set; } = Velib.Contracts.Archive.ArchiveDefaults.Bucket;

    /// <summary>Endpoint of an S3-compatible service (s3rver, MinIO, R2); empty for AWS.</summary>
    [Url]
    public string? ServiceUrl { get; set; }

    /// <summary>AWS region; also the signing region of S3-compatible services.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Path-style addressing, which most S3-compatible services need.</summary>
    public bool ForcePathStyle { get; set; }

    /// <summary>Access key; a secret that never appears in logs, traces or the API.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Secret key; never logged.</summary>
    public string? SecretKey { get; set; }

    /// <summary>Timeout of one S3 request. A hanging S3 only delays the archive, never ingestion; this bounds by how much.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint to show users: the service URL or the AWS region, never credentials.</summary>
    public string DisplayEndpoint => string.IsNullOrWhiteSpace(ServiceUrl) ? $"https://s3.{Region}.amazonaws.com"
        // A URL may carry user info; it is dropped so that nothing secret is shown.
        : Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var uri) ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.GetLeftPart(UriPartial.Path) : "(invalid)";
}
