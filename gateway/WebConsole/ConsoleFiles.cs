using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace PropertyPlatform.Gateway.WebConsole;

/// <summary>
/// Serves the built web console (web/dist) at <c>/</c>, on the same origin as <c>/api</c>: files as they are, any other
/// path outside <c>/api</c> as index.html so the console's own router shows it (SPA fallback). Hashed bundles under
/// <c>/assets/</c> are cached for a year; index.html is revalidated every time, so a new build reaches people at once.
/// No token is needed: the files are the same for everyone, and the API they call checks tokens.
/// </summary>
public static class ConsoleFiles
{
    /// <summary>Folder of the built console; a relative path is looked for from the content root upwards (the repository's web/dist).</summary>
    public const string PathKey = "Gateway:ConsolePath";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static WebApplication MapConsole(this WebApplication app)
    {
        var configured = app.Configuration[PathKey] ?? Path.Combine("web", "dist");
        var root = Locate(app.Environment.ContentRootPath, configured);
        if (root is null)
        {
            app.Logger.LogWarning("The web console is not served: no built console at {Path} (run npm ci && npm run build in web/).", configured);
            return app;
        }
        app.Logger.LogInformation("Serving the web console from {Root}", root);
        var files = new PhysicalFileProvider(root);

        // The lowest-priority endpoint: the proxy's routes, /openapi, /health and the /api catch-all all win over it.
        app.MapFallback("{**path}", context => ServeAsync(context, files)).WithMetadata(new HttpMethodMetadata(["GET", "HEAD"]));
        return app;
    }

    internal static string? Locate(string contentRoot, string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? configured : null;
        }
        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, configured);
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }
        return null;
    }

    private static Task ServeAsync(HttpContext context, PhysicalFileProvider files)
    {
        var path = context.Request.Path.Value ?? "/";
        var isAsset = path.StartsWith("/assets/", StringComparison.Ordinal);
        // PhysicalFileProvider refuses paths that climb out of its root.
        var file = path == "/" ? null : files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            return SendAsync(context, file, isAsset ? "public, max-age=31536000, immutable" : "no-cache");
        }
        if (isAsset || Path.HasExtension(path))
        {
            // A missing bundle is a 404, not the page: a browser holding an old index.html must not parse HTML as script.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return SendAsync(context, files.GetFileInfo("index.html"), "no-cache");
    }

    private static Task SendAsync(HttpContext context, IFileInfo file, string cacheControl)
    {
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }
        context.Response.Headers[HeaderNames.CacheControl] = cacheControl;
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.PhysicalFile(file.PhysicalPath!, contentType, lastModified: file.LastModified, enableRangeProcessing: false)
            .ExecuteAsync(context);
    }
}
