using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace PropertyPlatform.ServiceDefaults.OpenApi;

/// <summary>
/// The bearer requirement and the problem responses an operation can give although its handler never names them:
/// authentication and authorization (401, 403), a route id out of the caller's scope (404), a domain rule, a stale
/// version or a duplicate on a write (409), the gateway's rate limit (429), a bad request (400) and a failure (500).
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var document = context.Document!;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        // The last of AllowAnonymous and Authorize wins in ASP.NET Core; AllowAnonymous anywhere wins here too.
        var requiresAuthorization = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var parameters = description.ParameterDescriptions;
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form || p.Source == BindingSource.FormFile);
        var isWrite = description.HttpMethod is not ("GET" or "HEAD" or "OPTIONS");

        LimitParameterText(operation, context);

        operation.Responses ??= new OpenApiResponses();
        if (requiresAuthorization)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiDefaults.BearerScheme, document)] = [] }];
            Add(operation, document, StatusCodes.Status401Unauthorized, "No access token, or one that is expired or not valid.");
            Add(operation, document, StatusCodes.Status403Forbidden, "The caller's role may not do this.");
        }
        if (hasBody)
        {
            Add(operation, document, StatusCodes.Status400BadRequest, "The request is not valid; `errors` names each field and what is wrong with it.", OpenApiDefaults.ValidationProblemSchema);
        }
        else if (parameters.Count > 0)
        {
            Add(operation, document, StatusCodes.Status400BadRequest, "A parameter is not valid.");
        }
        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            Add(operation, document, StatusCodes.Status404NotFound, "No such record, or one outside the caller's properties or units.");
        }
        if (isWrite)
        {
            Add(operation, document, StatusCodes.Status409Conflict,
                "Nothing changed: the record's state does not allow this, it changed since the caller read it (If-Match, ETag), or it would duplicate another.");
        }
        var tooMany = Add(operation, document, StatusCodes.Status429TooManyRequests, "The gateway's rate limit: try again after Retry-After seconds.");
        if (tooMany is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers["Retry-After"] = new OpenApiHeader
            {
                Description = "Seconds to wait before trying again.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "3600" },
            };
        }
        Add(operation, document, StatusCodes.Status500InternalServerError, "An unexpected error; the problem's traceId finds it in the logs.");
        return Task.CompletedTask;
    }

    /// <summary>
    /// A query, path or header value arrives in the request line or a header, which the server caps (431/414 beyond):
    /// that is the limit of a text parameter no validator narrows.
    /// </summary>
    private static void LimitParameterText(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var limits = context.ApplicationServices.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Schema is OpenApiSchema { Type: { } type, MaxLength: null, Enum: null or { Count: 0 } } schema
                && type.HasFlag(JsonSchemaType.String) && !type.HasFlag(JsonSchemaType.Integer) && !type.HasFlag(JsonSchemaType.Number))
            {
                schema.MaxLength = parameter.In == ParameterLocation.Header ? limits.MaxRequestHeadersTotalSize : limits.MaxRequestLineSize;
            }
        }
    }

    /// <summary>Adds the response unless the endpoint declared that status itself (its own description wins).</summary>
    private static IOpenApiResponse Add(OpenApiOperation operation, OpenApiDocument document, int status, string description, string schema = OpenApiDefaults.ProblemSchema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses!.TryGetValue(key, out var existing))
        {
            return existing;
        }
        var added = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
        operation.Responses[key] = added;
        return added;
    }
}
