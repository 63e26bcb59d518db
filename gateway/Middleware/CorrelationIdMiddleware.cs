using System.Diagnostics;

namespace PropertyPlatform.Gateway.Middleware;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> when it is well formed,
/// else the trace id. It is forwarded to the backend and returned on every response, errors included.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";

    public Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[HeaderName] is [var incoming] && IsWellFormed(incoming)
            ? incoming
            : (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();

        context.Request.Headers[HeaderName] = id;
        Activity.Current?.SetTag("correlation.id", id);

        // Set when the response starts, so it overrides whatever the backend echoed and survives error handlers.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>Short and plain (letters, digits, '-', '_', '.'): nothing that could bloat logs or smuggle text into them.</summary>
    private static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
