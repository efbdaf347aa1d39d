namespace Velib.Web;

/// <summary>
/// The web's strings, in <c>Resources/Text.resx</c> (English) and <c>Resources/Text.fr.resx</c> (French): every
/// string of the page, its banners and the API's error details go through <c>IStringLocalizer&lt;Text&gt;</c>.
/// </summary>
public sealed class Text;
