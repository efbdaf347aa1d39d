using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Velib.Web;
using Velib.Web.Api;
using Velib.Tests.Support;

namespace Velib.Tests.Forecast;

/// <summary>The forecast API's parameters: what is accepted, and the 400's reason for what is not.</summary>
[Unit]
public sealed class ForecastQueryTests
{
    private static readonly IStringLocalizer<Text> T = Localizer();

    private static IStringLocalizer<Text> Localizer()
    {
        var services = new ServiceCollection().AddLogging();
        Velib.Web.Localization.LanguageEndpoints.AddVelibLanguages(services);
        return services.BuildServiceProvider().GetRequiredService<IStringLocalizer<Text>>();
    }

    private static string Reason(IResult problem)
    {
        var result = Assert.IsType<ProblemHttpResult>(problem);
        Assert.Equal(StatusCodes.Status400BadRequest, result.StatusCode);
        return result.ProblemDetails.Detail!;
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("PT5M", 5)]
    [InlineData("PT15M", 15)]
    [InlineData("PT1H30M", 90)]
    [InlineData("PT3H", 180)]
    public void A_horizon_from_five_minutes_to_three_hours_is_accepted_and_thirty_minutes_is_the_default(string? horizon, int minutes)
    {
        Assert.True(ForecastQuery.TryParse(T, horizon, null, out var parsed, out var at, out _));

        Assert.Equal(TimeSpan.FromMinutes(minutes), parsed);
        Assert.Null(at);
    }

    [Theory]
    [InlineData("PT4M")]
    [InlineData("PT3H1M")]
    [InlineData("P1D")]
    [InlineData("-PT30M")]
    public void A_horizon_outside_five_minutes_to_three_hours_is_a_400_that_names_the_range(string horizon)
    {
        using var english = new CultureScope("en");

        Assert.False(ForecastQuery.TryParse(T, horizon, null, out _, out _, out var problem));

        Assert.Equal($"horizon must be from PT5M to PT3H; {horizon} is not.", Reason(problem));
    }

    [Theory]
    [InlineData("30")]
    [InlineData("30 minutes")]
    [InlineData("")]
    public void A_malformed_horizon_is_a_400_that_says_what_is_expected(string horizon)
    {
        using var french = new CultureScope("fr");

        Assert.False(ForecastQuery.TryParse(T, horizon, null, out _, out _, out var problem));

        Assert.Equal($"horizon doit être une durée ISO 8601 comme PT30M ; « {horizon} » n'en est pas une.", Reason(problem));
    }

    [Fact]
    public void At_is_an_iso_time_read_as_utc_and_anything_else_is_a_400()
    {
        using var english = new CultureScope("en");

        Assert.True(ForecastQuery.TryParse(T, "PT15M", "2026-04-12T08:30:00+02:00", out _, out var at, out _));
        Assert.Equal(new DateTime(2026, 4, 12, 6, 30, 0, DateTimeKind.Utc), at);
        Assert.Equal(DateTimeKind.Utc, at!.Value.Kind);
        Assert.False(ForecastQuery.TryParse(T, "PT15M", "yesterday", out _, out _, out var problem));
        Assert.Contains("at must be an ISO 8601 time", Reason(problem));
    }
}
