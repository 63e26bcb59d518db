using PropertyPlatform.Gateway.Middleware;
using Yarp.ReverseProxy.Forwarder;

namespace PropertyPlatform.Gateway.Proxy;

/// <summary>
/// YARP answers a failed forward with a bare status code; this turns it into a problem that says which
/// service failed, without internal details.
/// </summary>
internal static class ProxyErrorProblems
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();

        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Route.Config.ClusterId;
        var (status, title) = error.Error switch
        {
            ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
            ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "The service did not answer in time."),
            // A chunked body that outgrew the limit: Kestrel's read fails with 413, which YARP would report as 400.
            ForwarderError.RequestBodyClient when error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                => (StatusCodes.Status413PayloadTooLarge, RequestBodyLimitMiddleware.TooLargeTitle),
            // The client broke off: keep YARP's status, nobody may be listening anyway.
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
                => (context.Response.StatusCode, "The request was not completed."),
            _ => (StatusCodes.Status502BadGateway, "The service could not be reached."),
        };

        await ProblemWriter.WriteAsync(context, status, title, $"Service '{service}'.");
    }
}
