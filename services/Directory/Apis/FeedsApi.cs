using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Apis;

/// <summary>
/// The records other services keep copies of, for the platform's services only (a service token, never a person's):
/// every unit, staff member, occupancy, occupant and authorised signer as they are now, ordered by their latest change, read page by page with a cursor.
/// A service fills its copy from here when it is empty or behind; events keep it current afterwards.
/// </summary>
public static class FeedsApi
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").WithTags("Feeds").RequireServiceCaller();
        feeds.MapGet("/units", UnitFeed).WithName("UnitFeed");
        feeds.MapGet("/staff", StaffFeed).WithName("StaffFeed");
        feeds.MapGet("/occupancies", OccupancyFeed).WithName("OccupancyFeed");
        feeds.MapGet("/occupants", OccupantFeed).WithName("OccupantFeed");
        feeds.MapGet("/signers", SignerFeed).WithName("SignerFeed");
        return app;
    }

    public static async Task<Results<Ok<FeedPage<UnitRecord>>, ValidationProblem>> UnitFeed(
        [AsParameters] FeedQuery query, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryParse(query.After, out var cursor))
        {
            return ProblemResults.Invalid("after", "Use the 'next' cursor of the previous page.");
        }

        var units = db.Units.AsNoTracking();
        if (query.ChangedSince is { } since)
        {
            var from = since.ToUniversalTime();
            units = units.Where(u => u.ChangedAt >= from);
        }
        if (cursor is { } c)
        {
            units = units.Where(u => EF.Functions.GreaterThan(ValueTuple.Create(u.ChangedAt, u.Id), ValueTuple.Create(c.ChangedAt, c.Id)));
        }

        var limit = Limit(query);
        var rows = await (from u in units
                          join b in db.Buildings on u.BuildingId equals b.Id
                          orderby u.ChangedAt, u.Id
                          select new UnitRecord(u.Id, u.PropertyId, u.BuildingId, b.Name, u.Number, u.Floor, u.Type, u.ChargeableArea, u.ChangedAt))
            .Take(limit).ToListAsync(cancellationToken);
        var next = rows.Count == limit ? FeedCursor.Format(rows[^1].Version, rows[^1].UnitId) : null;
        return TypedResults.Ok(new FeedPage<UnitRecord>(rows, next, await db.Units.CountAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<FeedPage<StaffRecord>>, ValidationProblem>> StaffFeed(
        [AsParameters] FeedQuery query, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryParse(query.After, out var cursor))
        {
            return ProblemResults.Invalid("after", "Use the 'next' cursor of the previous page.");
        }

        var staff = db.Staff.AsNoTracking();
        if (query.ChangedSince is { } since)
        {
            var from = since.ToUniversalTime();
            staff = staff.Where(s => s.ChangedAt >= from);
        }
        if (cursor is { } c)
        {
            staff = staff.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.ChangedAt, s.Id), ValueTuple.Create(c.ChangedAt, c.Id)));
        }

        var limit = Limit(query);
        var rows = await staff.OrderBy(s => s.ChangedAt).ThenBy(s => s.Id).Take(limit).ToListAsync(cancellationToken);
        var records = rows.Select(s => new StaffRecord(s.Id, s.Name, s.Phone, s.Department, s.Roles, s.PropertyIds, s.ChangedAt, s.Email)).ToList();
        var next = rows.Count == limit ? FeedCursor.Format(rows[^1].ChangedAt, rows[^1].Id) : null;
        return TypedResults.Ok(new FeedPage<StaffRecord>(records, next, await db.Staff.CountAsync(cancellationToken)));
    }

    /// <summary>Every occupancy, current and ended, by its latest change (the move-out once it ended, else the move-in).</summary>
    public static async Task<Results<Ok<FeedPage<OccupancyRecord>>, ValidationProblem>> OccupancyFeed(
        [AsParameters] FeedQuery query, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryParse(query.After, out var cursor))
        {
            return ProblemResults.Invalid("after", "Use the 'next' cursor of the previous page.");
        }

        var occupancies = db.Occupancies.AsNoTracking();
        if (query.ChangedSince is { } since)
        {
            var from = since.ToUniversalTime();
            occupancies = occupancies.Where(o => (o.EndedAt ?? o.StartedAt) >= from);
        }
        if (cursor is { } c)
        {
            occupancies = occupancies.Where(o => EF.Functions.GreaterThan(
                ValueTuple.Create(o.EndedAt ?? o.StartedAt, o.Id), ValueTuple.Create(c.ChangedAt, c.Id)));
        }

        var limit = Limit(query);
        var rows = await occupancies.OrderBy(o => o.EndedAt ?? o.StartedAt).ThenBy(o => o.Id)
            .Select(o => new OccupancyRecord(o.Id, o.PropertyId, o.UnitId, o.OccupantId, o.Role, o.StartDate, o.EndDate, o.EndedAt ?? o.StartedAt))
            .Take(limit).ToListAsync(cancellationToken);
        var next = rows.Count == limit ? FeedCursor.Format(rows[^1].Version, rows[^1].OccupancyId) : null;
        return TypedResults.Ok(new FeedPage<OccupancyRecord>(rows, next, await db.Occupancies.CountAsync(cancellationToken)));
    }

    /// <summary>Every occupant's name and contacts (never the ID number), by the latest change of them.</summary>
    public static async Task<Results<Ok<FeedPage<OccupantRecord>>, ValidationProblem>> OccupantFeed(
        [AsParameters] FeedQuery query, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryParse(query.After, out var cursor))
        {
            return ProblemResults.Invalid("after", "Use the 'next' cursor of the previous page.");
        }

        var occupants = db.Occupants.AsNoTracking();
        if (query.ChangedSince is { } since)
        {
            var from = since.ToUniversalTime();
            occupants = occupants.Where(o => o.ChangedAt >= from);
        }
        if (cursor is { } c)
        {
            occupants = occupants.Where(o => EF.Functions.GreaterThan(ValueTuple.Create(o.ChangedAt, o.Id), ValueTuple.Create(c.ChangedAt, c.Id)));
        }

        var limit = Limit(query);
        var rows = await occupants.OrderBy(o => o.ChangedAt).ThenBy(o => o.Id)
            .Select(o => new OccupantRecord(o.Id, o.PropertyId, o.Kind, o.Name, o.Phone, o.Email, o.ChangedAt))
            .Take(limit).ToListAsync(cancellationToken);
        var next = rows.Count == limit ? FeedCursor.Format(rows[^1].Version, rows[^1].OccupantId) : null;
        return TypedResults.Ok(new FeedPage<OccupantRecord>(rows, next, await db.Occupants.CountAsync(cancellationToken)));
    }

    /// <summary>Every company's authorised signers, current and withdrawn, by their latest change (the withdrawal once withdrawn).</summary>
    public static async Task<Results<Ok<FeedPage<SignerRecord>>, ValidationProblem>> SignerFeed(
        [AsParameters] FeedQuery query, DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (!FeedCursor.TryParse(query.After, out var cursor))
        {
            return ProblemResults.Invalid("after", "Use the 'next' cursor of the previous page.");
        }

        var signers = db.AuthorisedSigners.AsNoTracking();
        if (query.ChangedSince is { } since)
        {
            var from = since.ToUniversalTime();
            signers = signers.Where(s => (s.WithdrawnAt ?? s.AuthorisedAt) >= from);
        }
        if (cursor is { } c)
        {
            signers = signers.Where(s => EF.Functions.GreaterThan(
                ValueTuple.Create(s.WithdrawnAt ?? s.AuthorisedAt, s.Id), ValueTuple.Create(c.ChangedAt, c.Id)));
        }

        var limit = Limit(query);
        var rows = await (from s in signers
                          join company in db.Occupants on s.CompanyId equals company.Id
                          join person in db.Occupants on s.PersonId equals person.Id
                          orderby s.WithdrawnAt ?? s.AuthorisedAt, s.Id
                          select new SignerRecord(
                              s.Id, company.PropertyId, s.CompanyId, s.PersonId, person.Name, s.AuthorisedAt, s.WithdrawnAt,
                              s.WithdrawnAt ?? s.AuthorisedAt))
            .Take(limit).ToListAsync(cancellationToken);
        var next = rows.Count == limit ? FeedCursor.Format(rows[^1].Version, rows[^1].SignerId) : null;
        return TypedResults.Ok(new FeedPage<SignerRecord>(rows, next, await db.AuthorisedSigners.CountAsync(cancellationToken)));
    }

    private static int Limit(FeedQuery query) => Math.Clamp(query.Limit ?? DefaultLimit, 1, MaxLimit);
}

/// <summary>
/// <c>changedSince</c>: only records whose latest change is at or after it (a copy catching up from its newest version);
/// <c>after</c>: the <c>next</c> cursor of the previous page; <c>limit</c>: records per page (default 500, at most 1000).
/// </summary>
public sealed record FeedQuery(DateTimeOffset? ChangedSince, string? After, int? Limit);

/// <summary>Where a page ended: the last record's change time and id (keyset paging, stable while records change).</summary>
internal readonly record struct FeedCursor(DateTimeOffset ChangedAt, Guid Id)
{
    public static string Format(DateTimeOffset changedAt, Guid id) =>
        $"{changedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}.{id:N}";

    public static bool TryParse(string? text, out FeedCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        var parts = text.Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }
        cursor = new FeedCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
