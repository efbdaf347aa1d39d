using System.ComponentModel.DataAnnotations;

namespace Velib.Web.Api;

/// <summary>What the API needs of the feed's settings (<c>Velib:Feed</c>; the AppHost forwards only this key).</summary>
public sealed class ApiOptions
{
    public const string Section = "Velib:Feed";

    /// <summary>How long a browser or CDN may keep <c>/api/stations</c>: nothing newer can exist before the next poll.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
