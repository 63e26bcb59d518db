using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace PropertyPlatform.Gateway.Proxy;

/// <summary>
/// A service answers <c>201 Created</c> with <c>Location: /work-orders/42</c>, a path on its own root.
/// Through the gateway that address is <c>/api/workorders/work-orders/42</c>: put the prefix back
/// (also when the service wrote its own absolute address), so clients can follow it.
/// </summary>
internal static class LocationTransform
{
    public static void Add(TransformBuilderContext context)
    {
        if (context.Route.ClusterId is not { } service)
        {
            return;
        }
        var prefix = BackendServices.PathPrefix(service);

        context.AddResponseTransform(transform =>
        {
            var headers = transform.HttpContext.Response.Headers;
            var location = headers.Location.ToString();
            if (location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal))
            {
                headers.Location = prefix + location;
            }
            else if (Uri.TryCreate(location, UriKind.Absolute, out var absolute)
                && transform.ProxyResponse?.RequestMessage?.RequestUri is { } destination
                && Uri.Compare(absolute, destination, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                headers.Location = prefix + absolute.PathAndQuery + absolute.Fragment;
            }
            return ValueTask.CompletedTask;
        });
    }
}
