using System.ComponentModel.DataAnnotations;

namespace Velib.Lake.Import;

/// <summary>The archive settings the importer shares with the silo (<c>Velib:Archive</c>): same prefix, same idea of a finished day.</summary>
public sealed class ImportOptions
{
    public const string Section = "Velib:Archive";

    [Required, RegularExpression("^([A-Za-z0-9._-]+/)+$", ErrorMessage = "Prefix must be path segments ending with '/', for example 'velib/'.")]
    public string Prefix { get; set; } = "velib/";

    /// <summary>The silo's flush interval: a day is finished (compacted) one interval and 10 minutes after midnight UTC, as in the silo.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Objects uploaded at once.</summary>
    [Range(1, 32)]
    public int Uploads { get; set; } = 4;
}
