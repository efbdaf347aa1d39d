using Microsoft.Extensions.Localization;

namespace Velib.Web.Favourites;

/// <summary>An alert in words, in the rider's language: the page and the browser notification say the same.</summary>
public static class AlertText
{
    public static string Of(IStringLocalizer<Text> t, FiredAlert alert) =>
        t["alert-text", alert.Name, alert.Value, t[Key(alert.Kind)].Value, alert.Threshold];

    private static string Key(AlertKind kind) => kind switch { AlertKind.Mechanical => "d-mechanical", AlertKind.Ebike => "d-ebikes", _ => "d-docks" };
}
