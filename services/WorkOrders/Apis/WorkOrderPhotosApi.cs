using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Photos;
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
    public const long MaxUploadBytes = PhotoUploads.MaxUploadBytes;

    private static readonly string[] WhoSeesOrders = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin];

    public static IEndpointRouteBuilder MapWorkOrderPhotosApi(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/work-orders/{id:guid}/photos").WithTags("Work order photos").RequireRoles(WhoSeesOrders);

        photos.MapPost("/", AddPhotos).WithName("AddWorkOrderPhotos").AcceptsPhotos();
        photos.MapGet("/", ListPhotos).WithName("ListWorkOrderPhotos");
        photos.MapGet("/{photoId:guid}", GetPhoto).WithName("GetWorkOrderPhoto");
        return app;
    }

    /// <summary>
    /// Adds one or more photos (any form field names; an optional <c>stage</c> field: intake, work or completion).
    /// Every file is checked before anything is stored (<see cref="PhotoUploads.ReadPhotosAsync(IFormCollection, CancellationToken)"/>): one refused file refuses the request.
    /// </summary>
    public static async Task<Results<Ok<WorkOrderDetail>, ProblemHttpResult, ValidationProblem>> AddPhotos(
        Guid id, Caller caller, HttpContext http, WorkOrdersDbContext db, WorkOrderCommands orders, CancellationToken cancellationToken)
    {
        // Scope before reading the body: an order the caller may not see answers 404 whatever was sent.
        if (!await IsVisibleAsync(db, id, caller, cancellationToken))
        {
            return ProblemResults.NotFound("work order", id);
        }
        var (form, notAForm) = await PhotoUploads.ReadFormAsync(http.Request, cancellationToken);
        if (form is null)
        {
            return notAForm!;
        }
        if (!QueryEnum.TryParse<PhotoStage>(form["stage"].ToString(), out var stage))
        {
            return ProblemResults.Invalid("stage", $"Unknown stage; use one of: {QueryEnum.AllowedValues<PhotoStage>()}.");
        }
        var (files, invalid, refused) = await PhotoUploads.ReadPhotosAsync(form, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (refused is not null)
        {
            return refused;
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

        return PhotoUploads.Serve(http, photo.Content, photo.ContentType, photo.Sha256, photo.UploadedAt);
    }

    /// <summary>Whether the order exists and is within the caller's scope, without loading it.</summary>
    private static async Task<bool> IsVisibleAsync(WorkOrdersDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var order = await db.WorkOrders.AsNoTracking().Where(o => o.Id == id)
            .Select(o => new { o.PropertyId, o.UnitId }).SingleOrDefaultAsync(cancellationToken);
        return order is not null && caller.CanSee(order.PropertyId, order.UnitId);
    }
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
