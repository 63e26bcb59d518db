using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.Photos;

/// <summary>
/// Photos over HTTP, the same in every service: a multipart form of photos read and checked before anything is stored,
/// the endpoint metadata of an upload, and a photo served with its SHA-256 as entity tag.
/// </summary>
public static class PhotoUploads
{
    /// <summary>What the gateway lets through (32 MB): six photos of 5 MB and the multipart framing fit.</summary>
    public const long MaxUploadBytes = 32 * 1024 * 1024;

    /// <summary>
    /// The metadata of an upload endpoint: its body limit (Kestrel's own default, about 28.6 MB, is below six photos of
    /// 5 MB), the multipart body and the problems an upload can answer (400, 404, 409, 413, 415).
    /// </summary>
    public static RouteHandlerBuilder AcceptsPhotos(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
        .Accepts<IFormFileCollection>("multipart/form-data")
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// Reads the request's form (any field names for the files). Not multipart/form-data: 415, and no form.
    /// </summary>
    /// <remarks>
    /// The form is read by hand rather than bound as <see cref="IFormFileCollection"/>: that binding would require
    /// antiforgery tokens, which an API called with bearer tokens has no use for.
    /// </remarks>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, UnsupportedType("Send the photos as multipart/form-data."));
        }
        return (await request.ReadFormAsync(cancellationToken), null);
    }

    /// <summary>
    /// The form's files as photos, every one checked before anything is stored: none attached is a 400 on <c>files</c>,
    /// one over 5 MB a 413, one that is not a <see cref="PhotoFormat.Accepted"/> image (by its bytes, or by a declared
    /// type naming another format) a 415. One refused file refuses them all.
    /// </summary>
    public static async Task<PhotoFiles> ReadPhotosAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        if (form.Files.Count == 0)
        {
            return new PhotoFiles([], Invalid: ProblemResults.Invalid("files", "Attach at least one photo."));
        }

        var files = new List<PhotoFile>(form.Files.Count);
        foreach (var file in form.Files)
        {
            if (file.Length > PhotoFile.MaxBytes)
            {
                return new PhotoFiles([], Refused: TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "The photo is too large.",
                    detail: $"'{file.FileName}' has {file.Length} bytes; a photo may have at most {PhotoFile.MaxBytes} (5 MB)."));
            }

            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, cancellationToken);
            var bytes = content.ToArray();
            // The bytes decide; a declared type that names another format is refused even if the bytes were fine.
            if (!PhotoFormat.MayBeAccepted(file.ContentType) || PhotoFormat.Detect(bytes) is null)
            {
                return new PhotoFiles([], Refused: UnsupportedType($"'{file.FileName}' is not a {PhotoFormat.Accepted} image."));
            }
            files.Add(new PhotoFile(bytes, file.FileName));
        }
        return new PhotoFiles(files);
    }

    /// <summary>
    /// The request's photos in one step, for an upload that sends nothing but photos: <see cref="ReadFormAsync"/>, then
    /// <see cref="ReadPhotosAsync(IFormCollection, CancellationToken)"/>. Not multipart/form-data is <c>Refused</c> (415).
    /// </summary>
    public static async Task<PhotoFiles> ReadPhotosAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (form, notAForm) = await ReadFormAsync(request, cancellationToken);
        return form is null ? new PhotoFiles([], Refused: notAForm) : await ReadPhotosAsync(form, cancellationToken);
    }

    /// <summary>
    /// A stored photo's bytes. A photo never changes: its SHA-256 is its entity tag, and If-None-Match answers 304.
    /// Only for the caller: a shared cache must not hand one person's photo to another.
    /// </summary>
    public static FileContentHttpResult Serve(HttpContext http, byte[] content, string contentType, string sha256, DateTimeOffset uploadedAt)
    {
        http.Response.Headers.CacheControl = "private";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(content, contentType, lastModified: uploadedAt, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }

    private static ProblemHttpResult UnsupportedType(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The photo type is not supported.",
        detail: $"{detail} Accepted: {PhotoFormat.Accepted}.");
}

/// <summary>The photos of a form, or why it was refused: <c>Invalid</c> (400) or <c>Refused</c> (413, 415).</summary>
public sealed record PhotoFiles(IReadOnlyList<PhotoFile> Files, ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null);
