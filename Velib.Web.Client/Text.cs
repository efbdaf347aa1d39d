// The resources are named after the root namespace (Velib.Web), not the assembly (Velib.Web.Client): say so to the
// localizer, which otherwise builds their names from the assembly's.
[assembly: Microsoft.Extensions.Localization.RootNamespace("Velib.Web")]

namespace Velib.Web;

/// <summary>
/// The web's strings, in <c>Resources/Text.resx</c> (English) and <c>Resources/Text.fr.resx</c> (French): every
/// string of the page, its banners and the API's error details go through <c>IStringLocalizer&lt;Text&gt;</c>.
/// </summary>
public sealed class Text;
