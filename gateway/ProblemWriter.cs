namespace PropertyPlatform.Gateway;

/// <summary>Writes an RFC 9457 problem through the shared problem details service (same shape as every service).</summary>
internal static class ProblemWriter
{
    public static ValueTask WriteAsync(HttpContext context, int status, string title, string? detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
