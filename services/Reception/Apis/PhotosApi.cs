using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>
/// Photos of an exit pass's goods and of a found item: upload (multipart/form-data, read and checked by ServiceDefaults'
/// <see cref="PhotoUploads"/> as WorkOrders and Complaints do), list, download. Whoever may see the pass or the item sees
/// its photos; the tenant (or the desk) adds them to a pass before the desk's check, the desk to an item while it is held.
/// </summary>
public static class PhotosApi
{
    private static readonly string[] PassReaders = [Roles.Occupant, Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];
    private static readonly string[] PassApplicants = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapPhotosApi(this IEndpointRouteBuilder app)
    {
        var passes = app.MapGroup("/exit-passes/{id:guid}/photos").WithTags("Exit passes");
        passes.MapPost("/", AddExitPassPhotos).WithName("AddExitPassPhotos").AcceptsPhotos().RequireRoles(PassApplicants);
        passes.MapGet("/", ListExitPassPhotos).WithName("ListExitPassPhotos").RequireRoles(PassReaders);
        passes.MapGet("/{photoId:guid}", GetExitPassPhoto).WithName("GetExitPassPhoto").RequireRoles(PassReaders);

        var items = app.MapGroup("/lost-items/{id:guid}/photos").WithTags("Lost and found").RequireRoles(Desk);
        items.MapPost("/", AddLostItemPhotos).WithName("AddLostItemPhotos").AcceptsPhotos();
        items.MapGet("/", ListLostItemPhotos).WithName("ListLostItemPhotos");
        items.MapGet("/{photoId:guid}", GetLostItemPhoto).WithName("GetLostItemPhoto");
        return app;
    }

    /// <summary>Adds photos of the goods while the pass is submitted (409 after the desk's check); answers the pass.</summary>
    public static async Task<Results<Ok<ExitPassView>, ProblemHttpResult, ValidationProblem>> AddExitPassPhotos(
        Guid id, Caller caller, HttpContext http, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // Scope before reading the body: a pass the caller may not see answers 404 whatever was sent.
        var pass = await db.ExitPasses.Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pass is null || !caller.CanSee(pass.PropertyId, pass.UnitId))
        {
            return ProblemResults.NotFound("exit pass", id);
        }
        var (files, invalid, refused) = await PhotoUploads.ReadPhotosAsync(http.Request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (refused is not null)
        {
            return refused;
        }

        db.Photos.AddRange(pass.AddPhotos(files, caller.AsActor(), time.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        var unit = await db.Units.SingleAsync(u => u.Id == pass.UnitId, cancellationToken);
        return TypedResults.Ok(ExitPassView.From(pass, unit));
    }

    public static async Task<Results<Ok<IReadOnlyList<ReceptionPhotoView>>, ProblemHttpResult>> ListExitPassPhotos(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken) =>
        await IsPassVisibleAsync(db, id, caller, cancellationToken)
            ? TypedResults.Ok(await ReceptionPhotoView.ListAsync(db, PhotoSubject.ExitPass, id, cancellationToken))
            : ProblemResults.NotFound("exit pass", id);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetExitPassPhoto(
        Guid id, Guid photoId, Caller caller, HttpContext http, ReceptionDbContext db, CancellationToken cancellationToken) =>
        await IsPassVisibleAsync(db, id, caller, cancellationToken)
            ? await ServeAsync(http, db, PhotoSubject.ExitPass, id, photoId, cancellationToken)
            : ProblemResults.NotFound("exit pass", id);

    /// <summary>
    /// Adds photos of a found item while it is held (409 once claimed or disposed of); answers the item with its new
    /// ETag, and an <c>If-Match</c> sent with it is checked as for the other commands.
    /// </summary>
    public static async Task<Results<Ok<LostItemView>, ProblemHttpResult, ValidationProblem>> AddLostItemPhotos(
        Guid id, Caller caller, HttpContext http, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var item = await db.LostItems.Include(i => i.CustodyLog).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null || !caller.CanSeeProperty(item.PropertyId))
        {
            return ProblemResults.NotFound("lost item", id);
        }
        if (RowVersions.StaleProblem(http, db, item, "lost item") is { } stale)
        {
            return stale;
        }
        var (files, invalid, refused) = await PhotoUploads.ReadPhotosAsync(http.Request, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }
        if (refused is not null)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        db.Photos.AddRange(item.AddPhotos(files, caller.AsActor(), now));
        await db.SaveChangesAsync(cancellationToken);
        RowVersions.SetETag(http, db, item);
        return TypedResults.Ok(LostItemView.From(item, now));
    }

    public static async Task<Results<Ok<IReadOnlyList<ReceptionPhotoView>>, ProblemHttpResult>> ListLostItemPhotos(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken) =>
        await IsItemVisibleAsync(db, id, caller, cancellationToken)
            ? TypedResults.Ok(await ReceptionPhotoView.ListAsync(db, PhotoSubject.LostItem, id, cancellationToken))
            : ProblemResults.NotFound("lost item", id);

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetLostItemPhoto(
        Guid id, Guid photoId, Caller caller, HttpContext http, ReceptionDbContext db, CancellationToken cancellationToken) =>
        await IsItemVisibleAsync(db, id, caller, cancellationToken)
            ? await ServeAsync(http, db, PhotoSubject.LostItem, id, photoId, cancellationToken)
            : ProblemResults.NotFound("lost item", id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ServeAsync(
        HttpContext http, ReceptionDbContext db, PhotoSubject subject, Guid subjectId, Guid photoId, CancellationToken cancellationToken)
    {
        var photo = await db.Photos.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == photoId && p.Subject == subject && p.SubjectId == subjectId, cancellationToken);
        return photo is null
            ? ProblemResults.NotFound("photo", photoId)
            : PhotoUploads.Serve(http, photo.Content, photo.ContentType, photo.Sha256, photo.UploadedAt);
    }

    private static async Task<bool> IsPassVisibleAsync(ReceptionDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var pass = await db.ExitPasses.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.PropertyId, p.UnitId }).SingleOrDefaultAsync(cancellationToken);
        return pass is not null && caller.CanSee(pass.PropertyId, pass.UnitId);
    }

    private static async Task<bool> IsItemVisibleAsync(ReceptionDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var propertyId = await db.LostItems.AsNoTracking().Where(i => i.Id == id).Select(i => (Guid?)i.PropertyId).SingleOrDefaultAsync(cancellationToken);
        return propertyId is { } property && caller.CanSeeProperty(property);
    }
}

/// <summary>A photo as lists show it; <c>url</c> serves its bytes (relative to the service, as every service's photos).</summary>
public sealed record ReceptionPhotoView(
    Guid Id, string Url, string ContentType, int Size, string Sha256, string? FileName, string UploadedByName, DateTimeOffset UploadedAt)
{
    /// <summary>A pass's or an item's photos in the order they were added; the bytes stay in the database.</summary>
    public static async Task<IReadOnlyList<ReceptionPhotoView>> ListAsync(
        ReceptionDbContext db, PhotoSubject subject, Guid subjectId, CancellationToken cancellationToken)
    {
        var prefix = subject == PhotoSubject.ExitPass ? "/exit-passes/" : "/lost-items/";
        return await db.Photos.AsNoTracking().Where(p => p.Subject == subject && p.SubjectId == subjectId).OrderBy(p => p.Sequence)
            .Select(p => new ReceptionPhotoView(
                p.Id, prefix + p.SubjectId + "/photos/" + p.Id, p.ContentType, p.Size, p.Sha256, p.FileName, p.UploadedByName, p.UploadedAt))
            .ToListAsync(cancellationToken);
    }
}
