using System.Net.Http.Json;
using System.Text.Json;
using Velib.Tests.Support;

namespace Velib.Tests.Integration;

/// <summary>
/// <c>/api/stations/forecast</c> and <c>/api/stations/{id}/forecast</c> against the real AppHost on recorded data: what
/// they refuse and their OpenAPI entries. Their odds on a lake with history are <see cref="ForecastOddsApiTests"/>'.
/// </summary>
[Integration]
[Collection(AppHostCollection.Name)]
public sealed class ForecastApiTests(AppHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [SharedDataTheory]
    [InlineData("/api/stations/forecast?horizon=PT1M", "from PT5M to PT3H")]
    [InlineData("/api/stations/forecast?horizon=PT4H", "from PT5M to PT3H")]
    [InlineData("/api/stations/forecast?horizon=30", "ISO 8601 duration")]
    [InlineData("/api/stations/forecast?at=yesterday", "ISO 8601")]
    [InlineData("/api/stations/forecast?at=2001-01-01T00:00:00Z", "The archive covers")]
    [InlineData("/api/stations/forecast?at=2999-01-01T00:00:00Z&horizon=PT30M", "The archive covers")]
    [InlineData("/api/stations/not-a-number/forecast", "is not a station id")]
    [InlineData("/api/stations/1/forecast?horizon=P1D", "from PT5M to PT3H")]
    public async Task A_bad_horizon_a_malformed_time_or_a_time_outside_the_archive_is_a_400_that_says_why(string path, string reason)
    {
        await fixture.FirstCheckpointAsync(Patience);

        Assert.Equal("application/problem+json", await fixture.AssertBadRequestAsync(path, reason));
    }

    [SharedDataFact]
    public async Task Both_forecast_endpoints_are_in_the_openapi_document()
    {
        var document = await fixture.Web.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        Assert.True(paths.TryGetProperty("/api/stations/forecast", out var network), "no /api/stations/forecast in OpenAPI");
        Assert.True(paths.TryGetProperty("/api/stations/{id}/forecast", out _), "no /api/stations/{id}/forecast in OpenAPI");
        Assert.Contains("PT5M to PT3H", network.GetProperty("get").GetProperty("description").GetString());
    }
}
