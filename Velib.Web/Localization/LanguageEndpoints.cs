using Microsoft.AspNetCore.Localization;

namespace Velib.Web.Localization;

/// <summary>
/// The rider's language on the server: the rider's switch (a cookie) wins, then the browser's Accept-Language;
/// French when it asks for neither (see <see cref="Languages"/>).
/// </summary>
public static class LanguageEndpoints
{
    private static string French => Languages.French;

    private static string[] Supported => Languages.Supported;

    public static IServiceCollection AddVelibLanguages(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(French).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            // The query string is not a way in: a shared link must not switch the reader's language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    /// <summary><c>/culture/{fr|en}?redirect=/…</c>: remembers the choice for a year, then goes back to the page.</summary>
    public static IEndpointRouteBuilder MapVelibLanguages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{language}", (string language, string? redirect, HttpContext http) =>
            {
                if (!Supported.Contains(language)) return Results.NotFound();
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
                // Only back into this site: a link elsewhere would make this an open redirect.
                var target = redirect is { Length: > 0 } r && r.StartsWith('/') && !r.StartsWith("//", StringComparison.Ordinal) ? r : "/";
                return Results.LocalRedirect(target);
            })
            .ExcludeFromDescription();
        return app;
    }
}
