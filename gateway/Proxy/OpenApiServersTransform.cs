using System.Text.Json.Nodes;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace PropertyPlatform.Gateway.Proxy;

/// <summary>
/// A service's OpenAPI document names the service's own address as its server, which a browser cannot reach.
/// Through the gateway the service is at <c>/api/&lt;service&gt;</c>: the document says so, so that requests sent from
/// the API reference (<c>/scalar</c>) go through the gateway, with its token check and limits.
/// </summary>
internal static class OpenApiServersTransform
{
    public static void Add(TransformBuilderContext context)
    {
        if (context.Route.ClusterId is not { } service)
        {
            return;
        }
        var prefix = BackendServices.PathPrefix(service);

        context.AddResponseTransform(async transform =>
        {
            var path = transform.HttpContext.Request.Path;
            if (transform.ProxyResponse is not { IsSuccessStatusCode: true } response
                || !path.StartsWithSegments($"{prefix}/openapi")
                || !path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var cancellationToken = transform.HttpContext.RequestAborted;
            if (await response.Content.ReadFromJsonAsync<JsonNode>(cancellationToken) is not JsonObject document)
            {
                return;
            }
            document["servers"] = new JsonArray(new JsonObject { ["url"] = prefix });

            transform.SuppressResponseBody = true;
            transform.HttpContext.Response.ContentLength = null;
            await transform.HttpContext.Response.WriteAsJsonAsync<JsonNode>(document, cancellationToken);
        });
    }
}
