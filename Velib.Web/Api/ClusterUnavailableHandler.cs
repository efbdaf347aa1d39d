using Microsoft.AspNetCore.Diagnostics;

namespace Velib.Web.Api;

/// <summary>
/// A grain call that fails because a silo is lost (until the cluster declares it dead, a few seconds) or the
/// cluster is unreachable is a 503 with a reason and <c>Retry-After</c>, not a 500: the data is safe, and the
/// same request succeeds once the grain is running on another silo.
/// </summary>
internal sealed partial class ClusterUnavailableHandler(IProblemDetailsService problems, Microsoft.Extensions.Localization.IStringLocalizer<Text> t,
    ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException))
        {
            return false;
        }
        Unavailable(logger, context.Request.Path, exception.GetType().Name, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = t["e-moving-title"],
                Detail = t["e-moving"],
            },
        });
    }

    [LoggerMessage(1, LogLevel.Warning, "{Path}: cluster unavailable ({Kind}: {Reason}); answered 503")]
    private static partial void Unavailable(ILogger logger, string path, string kind, string reason);
}
