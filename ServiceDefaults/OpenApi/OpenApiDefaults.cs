using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace PropertyPlatform.ServiceDefaults.OpenApi;

/// <summary>
/// Makes every service's OpenAPI document describe the API as clients meet it: through the gateway, with the
/// bearer token, the problem responses any endpoint can give, and the limits the validators enforce. Once here,
/// so no endpoint has to repeat it.
/// </summary>
public static class OpenApiDefaults
{
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    /// <summary>Applies to every document a service adds with <c>AddOpenApi()</c>.</summary>
    public static IServiceCollection AddOpenApiDefaults(this IServiceCollection services) =>
        services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer<ProblemResponses>();
            options.AddSchemaTransformer<SchemaLimits>();
        });

    private static async Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var environment = context.ApplicationServices.GetRequiredService<IHostEnvironment>();
        var service = environment.ApplicationName.Replace("PropertyPlatform.", "", StringComparison.Ordinal).ToLowerInvariant();

        // The generator names the address this request came in on: a loopback port clients never see.
        document.Servers =
        [
            new OpenApiServer
            {
                Url = $"/api/{service}",
                Description = "The platform's gateway (local, staging or production: the host this document was read from).",
                Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(false) },
            },
        ];
        document.Info.Description ??= $"The {service} service of PropertyPlatform. Errors are RFC 9457 problem documents.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from Directory's POST /api/directory/auth/token: a short-lived ES256 JWS whose "
                + "algorithm, type, issuer, audience and expiry are checked as RFC8725 recommends.",
        };

        // Problem responses point at these; endpoints that declare none leave them out of the document.
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
        {
            document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        }
        if (!document.Components.Schemas.ContainsKey(ValidationProblemSchema))
        {
            document.Components.Schemas[ValidationProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), cancellationToken: cancellationToken);
        }
    }
}
