using System.Net.Http.Json;
using System.Text.Json;

namespace Velib.Web.Live;

/// <summary>Turns an API error into the <see cref="InvalidOperationException"/> the page shows, with the problem's own detail.</summary>
internal static class ApiProblem
{
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode) return;
        string? detail = null;
        try
        {
            detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("detail", out var d) ? d.GetString() : null;
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status code says enough.
        }
        throw new InvalidOperationException(detail ?? $"{response.RequestMessage?.RequestUri?.AbsolutePath}: HTTP {(int)response.StatusCode}");
    }
}
