using PropertyPlatform.Gateway.Middleware;

namespace PropertyPlatform.Gateway.Proxy;

/// <summary>
/// YARP answers a failed forward with a bare status code (502, 503, 504, or 4xx when the client's body
/// was at fault, e.g. 413 for a chunked body over the limit); this gives it a problem body that names
/// the service, without internal details.
/// </summary>
internal static class ProxyErrorProblems
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();

        var status = context.Response.StatusCode;
        if (context.GetForwarderErrorFeature() is null || context.Response.HasStarted || status < 400)
        {
            return;
        }

        var title = status switch
        {
            StatusCodes.Status413PayloadTooLarge => RequestBodyLimitMiddleware.TooLargeTitle,
            StatusCodes.Status503ServiceUnavailable => "The service is unavailable.",
            StatusCodes.Status504GatewayTimeout => "The service did not answer in time.",
            >= 500 => "The service could not be reached.",
            _ => "The request could not be forwarded.",
        };
        var service = context.GetReverseProxyFeature().Route.Config.ClusterId;
        await ProblemWriter.WriteAsync(context, status, title, $"Service: {service}.");
    }
}
