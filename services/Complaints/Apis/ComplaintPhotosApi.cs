using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;
using PropertyPlatform.Complaints.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Complaints.Apis;

/// <summary>
/// Photos of a complaint: upload (multipart/form-data), list, download. Whoever may see the complaint (its scope rules,
/// <see cref="ComplaintScope"/>) may add and see its photos: the occupant at intake, the desk at any step; the complaint
/// decides how many it takes (<see cref="Complaint.AddPhotos"/>).
/// </summary>
public static class ComplaintPhotosApi
{
    private static readonly string[] WhoSeesComplaints = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapComplaintPhotosApi(this IEndpointRouteBuilder app)
    {
        var photos = app.MapGroup("/complaints/{id:guid}/photos").WithTags("Complaint photos").RequireRoles(WhoSeesComplaints);

        photos.MapPost("/", AddPhotos).WithName("AddComplaintPhotos").AcceptsPhotos();
        photos.MapGet("/", ListPhotos).WithName("ListComplaintPhotos");
        photos.MapGet("/{photoId:guid}", GetPhoto).WithName("GetComplaintPhoto");
        return app;
    }

    /// <summary>
    /// Adds one or more photos (any form field names), each checked before anything is stored: one refused file refuses
    /// the request. Answers the complaint (its <c>photoCount</c> and a timeline note) with its new ETag; an <c>If-Match</c>
    /// sent with it is checked as for the steps.
    /// </summary>
    public static async Task<Results<Ok<ComplaintView>, ProblemHttpResult, ValidationProblem>> AddPhotos(
        Guid id, Caller caller, HttpContext http, ComplaintsDbContext db, ComplaintCommands complaints, CancellationToken cancellationToken)
    {
        // Scope before reading the body: a complaint the caller may not see answers 404 whatever was sent.
        if (await FindVisibleAsync(db, id, caller, cancellationToken) is null)
        {
            return ProblemResults.NotFound("complaint", id);
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

        var result = (await complaints.RunAsync(id, caller, http, (complaint, step) => db.Photos.AddRange(complaint.AddPhotos(files, step.By, step.Now)), cancellationToken)).Result;
        return result is Ok<ComplaintView> ok ? ok : (ProblemHttpResult)result;
    }

    /// <summary>The complaint's photos, oldest first, without their bytes.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ComplaintPhotoView>>, ProblemHttpResult>> ListPhotos(
        Guid id, Caller caller, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var complaint = await FindVisibleAsync(db, id, caller, cancellationToken);
        if (complaint is null)
        {
            return ProblemResults.NotFound("complaint", id);
        }
        var photos = await db.Photos.AsNoTracking().Where(p => p.ComplaintId == id).OrderBy(p => p.Sequence).ToListAsync(cancellationToken);
        // Photos an anonymous complainant added name them as little as their timeline lines do.
        var known = caller.MayKnowComplainant(complaint);
        return TypedResults.Ok<IReadOnlyList<ComplaintPhotoView>>(photos.Select(p => new ComplaintPhotoView(
            p.Id, $"/complaints/{id}/photos/{p.Id}", p.ContentType, p.Size, p.Sha256, p.FileName,
            !known && p.UploadedById == complaint.ComplainantId ? null : new Actor(p.UploadedById, p.UploadedByName), p.UploadedAt)).ToList());
    }

    /// <summary>The photo's bytes. A photo never changes: its SHA-256 is its entity tag, and If-None-Match answers 304.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetPhoto(
        Guid id, Guid photoId, Caller caller, HttpContext http, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        if (await FindVisibleAsync(db, id, caller, cancellationToken) is null)
        {
            return ProblemResults.NotFound("complaint", id);
        }
        var photo = await db.Photos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.ComplaintId == id, cancellationToken);
        return photo is null
            ? ProblemResults.NotFound("photo", photoId)
            : PhotoUploads.Serve(http, photo.Content, photo.ContentType, photo.Sha256, photo.UploadedAt);
    }

    /// <summary>The complaint alone (no timeline, no work orders) when the caller may see it.</summary>
    private static async Task<Complaint?> FindVisibleAsync(ComplaintsDbContext db, Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return complaint is not null && caller.CanSee(complaint) ? complaint : null;
    }
}

/// <summary>A photo as lists show it; <c>url</c> serves its bytes. <c>uploadedBy</c> is null for an anonymous complainant hidden from the caller.</summary>
public sealed record ComplaintPhotoView(
    Guid Id, string Url, string ContentType, int Size, string Sha256, string? FileName, Actor? UploadedBy, DateTimeOffset UploadedAt);
