using Bunit;
using MudBlazor.Services;

namespace Velib.Tests.Support;

/// <summary>The bUnit context the app's components render in: MudBlazor's services and the app's languages, as the web registers them.</summary>
public static class VelibBunit
{
    /// <summary>
    /// A new context; JS interop is loose, so the calls MudBlazor makes on its own (focus, sizes, local storage) answer
    /// defaults rather than fail the render. Tests add their own services before the first render.
    /// </summary>
    public static BunitContext Context()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        Velib.Web.Localization.LanguageEndpoints.AddVelibLanguages(context.Services);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }
}
