using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>
/// Photos of an order: upload (multipart/form-data), list, download. Whoever may see the order may add and see
/// its photos; the order decides how many it takes (<see cref="WorkOrder.AddPhotos"/>).
/// </summary>
public static class WorkOrderPhotosApi
{
    /// <summary>What the gateway lets through (32 MB): six photos of 5 MB and the multipart framing fit.</summary>
    public const long MaxUploadBytes = 32 * 1024 * 1024;

    private static readonly string[] WhoSeesOrders = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin];

    public static IEndpointRouteBuilder MapWorkOrderPhotosApi(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/work-orders/{id:guid}/photos").WithTags("Work order photos").RequireRoles(WhoSeesOrders);

        photos.MapPost("/", AddPhotos).WithName("AddWorkOrderPhotos")
            // Kestrel's own default (about 28.6 MB) is below six photos of 5 MB.
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Accepts<IFormFileCollection>("multipart/form-data")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        photos.MapGet("/", ListPhotos).WithName("ListWorkOrderPhotos");
        photos.MapGet("/{photoId:guid}", GetPhoto).WithName("GetWorkOrderPhoto");
        return app;
    }

    /// <summary>
    /// Adds one or more photos (any form field names; an optional <c>stage</c> field: intake, work or completion).
    /// Every file is checked before anything is stored: one refused file refuses the request.
    /// </summary>
    /// <remarks>
    /// The form is read by hand rather than bound as <see cref="IFormFileCollection"/>: that binding would require
    /// antiforgery tokens, which an API called with bearer tokens has no use for.
    /// </remarks>
    public static async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult, ValidationProblem>> AddPhotos(
        Guid id, Caller caller, HttpContext http, WorkOrdersDbContext db, WorkOrderCommands orders, CancellationToken cancellationToken)
    {
        // Scope before reading the body: an order the caller may not see answers 404 whatever was sent.
        if (!await IsVisibleAsync(db, id, caller, cancellationToken))
        {
            return ProblemResults.NotFound("work order", id);
        }
        if (!http.Request.HasFormContentType)
        {
            return UnsupportedType("Send the photos as multipart/form-data.");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        if (!QueryEnum.TryParse<PhotoStage>(form["stage"].ToString(), out var stage))
        {
            return ProblemResults.Invalid("stage", $"Unknown stage; use one of: {QueryEnum.AllowedValues<PhotoStage>()}.");
        }
        if (form.Files.Count == 0)
        {
            return ProblemResults.Invalid("files", "Attach at least one photo.");
        }

        var files = new List<PhotoFile>(form.Files.Count);
        foreach (var file in form.Files)
        {
            if (file.Length > WorkOrderPhoto.MaxBytes)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge, title: "The photo is too large.",
                    detail: $"'{file.FileName}' has {file.Length} bytes; a photo may have at most {WorkOrderPhoto.MaxBytes} (5 MB).");
            }

            using var content = new MemoryStream((int)file.Length);
            await file.CopyToAsync(content, cancellationToken);
            var bytes = content.ToArray();
            // The bytes decide; a declared type that names another format is refused even if the bytes were fine.
            if (!PhotoFormat.MayBeAccepted(file.ContentType) || PhotoFormat.Detect(bytes) is null)
            {
                return UnsupportedType($"'{file.FileName}' is not a {PhotoFormat.Accepted} image.");
            }
            files.Add(new PhotoFile(bytes, file.FileName));
        }

        var result = (await orders.RunAsync(id, caller, http, (order, by, now) => db.Photos.AddRange(order.AddPhotos(files, stage, by, now)), cancellationToken)).Result;
        return result is Ok<WorkOrderDetail> ok ? ok : (ProblemHttpResult)result;
    }

    /// <summary>The order's photos, oldest first, without their bytes.</summary>
    public static async Task<Results<Ok<IReadOnlyList<WorkOrderPhotoView>>, ProblemHttpResult>> ListPhotos(
        Guid id, Caller caller, WorkOrdersDbContext db, CancellationToken cancellationToken) =>
        await IsVisibleAsync(db, id, caller, cancellationToken)
            ? TypedResults.Ok(await WorkOrderPhotoView.ListAsync(db, id, cancellationToken))
            : ProblemResults.NotFound("work order", id);

    /// <summary>The photo's bytes. A photo never changes: its SHA-256 is its entity tag, and If-None-Match answers 304.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid id, Guid photoId, Caller caller, HttpContext http, WorkOrdersDbContext db, CancellationToken cancellationToken)
    {
        if (!await IsVisibleAsync(db, id, caller, cancellationToken))
        {
            return ProblemResults.NotFound("work order", id);
        }
        var photo = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.WorkOrderId == id, cancellationToken);
        if (photo is null)
        {
            return ProblemResults.NotFound("photo", photoId);
        }

        // Only for the caller: a shared cache must not hand one occupant's photo to another.
        http.Response.Headers.CacheControl = "private";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(photo.Content, photo.ContentType, lastModified: photo.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{photo.Sha256}\""));
    }

    /// <summary>Whether the order exists and is within the caller's scope, without loading it.</summary>
    private static async Task<bool> IsVisibleAsync(WorkOrdersDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.PropertyId, o.UnitId }).SingleOrDefaultAsync(cancellationToken);
        return order is not null && caller.CanSee(order.PropertyId, order.UnitId);
    }

    private static ProblemHttpResult UnsupportedType(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The photo type is not supported.",
        detail: $"{detail} Accepted: {PhotoFormat.Accepted}.");
}

/// <summary>A photo as lists show it; <c>Url</c> serves its bytes.</summary>
public sealed record WorkOrderPhotoView(
    Guid Id, string Url, string ContentType, int Size, string Sha256, string? FileName, PhotoStage Stage,
    Guid UploadedById, string UploadedByName, DateTimeOffset UploadedAt)
{
    /// <summary>The order's photos in the order they were added; the bytes stay in the database.</summary>
    public static async Task<IReadOnlyList<WorkOrderPhotoView>> ListAsync(WorkOrdersDbContext db, Guid workOrderId, CancellationToken cancellationToken) =>
        await db.Photos.AsNoTracking().Where(p => p.WorkOrderId == workOrderId).OrderBy(p => p.Sequence)
            .Select(p => new WorkOrderPhotoView(
                p.Id, "/work-orders/" + p.WorkOrderId + "/photos/" + p.Id, p.ContentType, p.Size, p.Sha256, p.FileName, p.Stage,
                p.UploadedById, p.UploadedByName, p.UploadedAt))
            .ToListAsync(cancellationToken);
}
