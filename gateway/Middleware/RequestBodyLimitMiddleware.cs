using Microsoft.AspNetCore.Http.Features;

namespace PropertyPlatform.Gateway.Middleware;

/// <summary>
/// Refuses bodies larger than <see cref="GatewayOptions.MaxRequestBodyBytes"/> with 413: at once when
/// Content-Length says so, and through the server's own limit while a chunked body is being read.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, GatewayOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLargeTitle, TooLargeDetail(limit));
            return;
        }

        // Kestrel stops reading past this and fails the read with a 413 BadHttpRequestException.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        await next(context);
    }

    public const string TooLargeTitle = "The request body is too large.";

    public static string TooLargeDetail(long limit) => $"The gateway accepts at most {limit} bytes.";
}
