using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Velib.Contracts.Archive;

namespace Velib.Tests.Integration;

/// <summary>
/// What the tests of the archive-backed API (history, forecast, time travel) ask the shared AppHost the same way: an
/// instant in the form the API reads, the wait for the archive's first checkpoint, and a 400 with its reason.
/// </summary>
internal static class ArchiveApiCalls
{
    /// <summary>An instant as the API's <c>at</c>, <c>from</c> and <c>to</c> read it; milliseconds, as a poll can land in the same second as the instant a test names.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Waits until the archive holds its first checkpoint, before which a fresh lake covers no time at all; returns its range.</summary>
    public static Task<ArchiveRange?> FirstCheckpointAsync(this AppHostFixture fixture, TimeSpan patience) =>
        AppHostFixture.Until(() => fixture.Web.GetFromJsonAsync<ArchiveRange?>("/api/archive/range"), r => r?.FirstUtc is not null, patience,
            "the archive never had a first checkpoint");

    /// <summary>Asserts that <paramref name="path"/> answers 400 with <paramref name="reason"/> in its problem's detail; returns the answer's media type.</summary>
    public static async Task<string?> AssertBadRequestAsync(this AppHostFixture fixture, string path, string reason)
    {
        using var response = await fixture.Web.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        return response.Content.Headers.ContentType?.MediaType;
    }
}
