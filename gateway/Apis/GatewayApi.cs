using Microsoft.AspNetCore.Http.HttpResults;
using PropertyPlatform.Gateway.Proxy;

namespace PropertyPlatform.Gateway.Apis;

/// <summary>The gateway's own endpoints. It knows no service endpoint: those are the services' business.</summary>
public static class GatewayApi
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi", GetOpenApiIndex);

        // Matches only what no service route matched (those have more literal segments).
        app.Map("/api/{**rest}", UnknownService);
        return app;
    }

    /// <summary>Where each service's OpenAPI document is, through the gateway.</summary>
    public static Ok<OpenApiDocumentLink[]> GetOpenApiIndex() =>
        TypedResults.Ok(BackendServices.Names
            .Select(service => new OpenApiDocumentLink(service, $"{BackendServices.PathPrefix(service)}/openapi/v1.json"))
            .ToArray());

    public static ProblemHttpResult UnknownService(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No service answers this path.",
            detail: $"Paths start with /api/<service>/, where <service> is one of: {string.Join(", ", BackendServices.Names)}.");
}

public sealed record OpenApiDocumentLink(string Service, string Url);
