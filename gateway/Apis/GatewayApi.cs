using Microsoft.AspNetCore.Http.HttpResults;
using PropertyPlatform.Gateway.Proxy;
using Scalar.AspNetCore;

namespace PropertyPlatform.Gateway.Apis;

/// <summary>The gateway's own endpoints. It knows no service endpoint: those are the services' business.</summary>
public static class GatewayApi
{
    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/openapi", GetOpenApiIndex);

        // The API reference UI over every service's document, served from the gateway itself: its script is embedded
        // in Scalar.AspNetCore, and its default web fonts are off, so the page loads nothing from the internet.
        app.MapScalarApiReference("/scalar", scalar =>
        {
            scalar.WithTitle("PropertyPlatform API").DisableDefaultFonts();
            foreach (var service in BackendServices.Names)
            {
                scalar.AddDocument(service, service, OpenApiDocumentUrl(service));
            }
        });

        // Matches only what no service route matched (those have more literal segments).
        app.Map("/api/{**rest}", UnknownService);
        return app;
    }

    /// <summary>Where each service's OpenAPI document is, through the gateway.</summary>
    public static Ok<OpenApiDocumentLink[]> GetOpenApiIndex() =>
        TypedResults.Ok(BackendServices.Names
            .Select(service => new OpenApiDocumentLink(service, OpenApiDocumentUrl(service)))
            .ToArray());

    private static string OpenApiDocumentUrl(string service) => $"{BackendServices.PathPrefix(service)}/openapi/v1.json";

    public static ProblemHttpResult UnknownService(HttpContext context) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "No service answers this path.",
            detail: $"Paths start with /api/<service>/, where <service> is one of: {string.Join(", ", BackendServices.Names)}.");
}

public sealed record OpenApiDocumentLink(string Service, string Url);
