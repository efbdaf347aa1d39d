using System.Globalization;

namespace Velib.Web.Localization;

/// <summary>French and English; French when the rider asks for neither, since most riders are Parisians.</summary>
public static class Languages
{
    public const string French = "fr", English = "en";

    public static readonly string[] Supported = [French, English];

    /// <summary>The language the current request or page runs in.</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : French;
}
