using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>Shift handovers (交接班): the open items generated into a handover the incoming shift acknowledges.</summary>
public static class HandoversApi
{
    private static readonly string[] Desk = [Roles.FrontDesk, Roles.Security, Roles.Supervisor, Roles.Manager, Roles.Admin];

    public static IEndpointRouteBuilder MapHandoversApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/handovers").WithTags("Shift handovers");

        api.MapGet("/", ListHandovers).WithName("ListHandovers").RequireRoles(Desk);
        api.MapGet("/{id:guid}", GetHandover).WithName("GetHandover").RequireRoles(Desk);
        api.MapGet("/open-items", ListOpenItems).WithName("ListOpenItems").RequireRoles(Desk);
        api.MapPost("/", HandOver).WithName("HandOverShift").Validate<HandOverRequest>().RequireRoles(Desk);
        api.MapPost("/{id:guid}/acknowledge", Acknowledge).WithName("AcknowledgeHandover").Validate<AcknowledgeHandoverRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict).RequireRoles(Desk);
        return app;
    }

    public static async Task<Ok<Page<HandoverView>>> ListHandovers(
        Guid? propertyId, bool? acknowledged, [AsParameters] PageRequest page, Caller caller, ReceptionDbContext db,
        CancellationToken cancellationToken)
    {
        var handovers = db.Handovers.AsNoTracking().Include(h => h.Items).InPropertiesOf(caller, h => h.PropertyId);
        if (propertyId is { } property)
        {
            handovers = handovers.Where(h => h.PropertyId == property);
        }
        if (acknowledged is { } wanted)
        {
            handovers = handovers.Where(h => (h.AcknowledgedAt != null) == wanted);
        }
        return TypedResults.Ok(await handovers.OrderByDescending(h => h.HandedOverAt).ThenByDescending(h => h.Id)
            .ToPageAsync(page, HandoverView.From, cancellationToken));
    }

    public static async Task<Results<Ok<HandoverView>, ProblemHttpResult>> GetHandover(
        Guid id, Caller caller, ReceptionDbContext db, CancellationToken cancellationToken)
    {
        var handover = await db.Handovers.AsNoTracking().Include(h => h.Items).InPropertiesOf(caller, h => h.PropertyId)
            .SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        return handover is null ? ProblemResults.NotFound("handover", id) : TypedResults.Ok(HandoverView.From(handover));
    }

    /// <summary>What a handover made now would list: the desk reviews it before handing over.</summary>
    public static async Task<Results<Ok<List<OpenItemView>>, ValidationProblem>> ListOpenItems(
        Guid? propertyId, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        if (propertyId is not { } property || !caller.CanSeeProperty(property))
        {
            return ProblemResults.Invalid("propertyId", "Say which of your properties' desk is handing over.");
        }
        var now = time.GetUtcNow();
        var items = await OpenItemsAsync(db, property, await ShiftStartAsync(db, property, calendar, now, cancellationToken), now, cancellationToken);
        return TypedResults.Ok(items.OrderBy(i => i.Kind).ThenBy(i => i.Since).Select(OpenItemView.From).ToList());
    }

    public static async Task<Results<Created<HandoverView>, ValidationProblem>> HandOver(
        HandOverRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, PropertyCalendar calendar,
        CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "Say which of your properties' desk is handing over.");
        }
        var now = time.GetUtcNow();
        var shiftStart = await ShiftStartAsync(db, request.PropertyId, calendar, now, cancellationToken);
        var items = await OpenItemsAsync(db, request.PropertyId, shiftStart, now, cancellationToken);
        var handover = Handover.Generate(request.PropertyId, shiftStart, caller.AsActor(), request.Notes, items, now);
        db.Handovers.Add(handover);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/handovers/{handover.Id}", HandoverView.From(handover));
    }

    public static async Task<Results<Ok<HandoverView>, ProblemHttpResult>> Acknowledge(
        Guid id, AcknowledgeHandoverRequest request, Caller caller, ReceptionDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var handover = await db.Handovers.Include(h => h.Items).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (handover is null || !caller.CanSeeProperty(handover.PropertyId))
        {
            return ProblemResults.NotFound("handover", id);
        }
        handover.Acknowledge(caller.AsActor(), request.Notes, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(HandoverView.From(handover));
    }

    /// <summary>The shift began at the property's previous handover, or at the start of today if there was none today.</summary>
    private static async Task<DateTimeOffset> ShiftStartAsync(
        ReceptionDbContext db, Guid propertyId, PropertyCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var startOfDay = calendar.DayBounds(calendar.DayOf(now)).Start;
        var previous = await db.Handovers.Where(h => h.PropertyId == propertyId && h.HandedOverAt <= now)
            .MaxAsync(h => (DateTimeOffset?)h.HandedOverAt, cancellationToken);
        return previous is { } at && at > startOfDay ? at : startOfDay;
    }

    /// <summary>The desk's open items now: unanswered enquiries, walk-ins waiting, keys out, lost items received in the shift.</summary>
    private static async Task<List<OpenItem>> OpenItemsAsync(
        ReceptionDbContext db, Guid propertyId, DateTimeOffset shiftStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<OpenItem>();

        var enquiries = await db.Enquiries.AsNoTracking()
            .Where(e => e.PropertyId == propertyId && e.Status == EnquiryStatus.Open).ToListAsync(cancellationToken);
        items.AddRange(enquiries.Select(e => new OpenItem(
            HandoverItemKind.Enquiry, e.Id, $"{e.EnquirerName}: {e.Question}", e.ReceivedAt, e.IsOverdue(now))));

        var walkIns = await (from v in db.Visits.AsNoTracking()
                             join u in db.Units on v.UnitId equals u.Id
                             where v.PropertyId == propertyId && v.Status == VisitStatus.AwaitingHost && v.ConfirmBy >= now
                             select new { v.Id, v.VisitorName, v.RegisteredAt, u.BuildingName, u.Number }).ToListAsync(cancellationToken);
        items.AddRange(walkIns.Select(v => new OpenItem(
            HandoverItemKind.WalkIn, v.Id, $"{v.VisitorName} → {v.BuildingName} {v.Number}", v.RegisteredAt, false)));

        var keys = await (from k in db.UnitKeys.AsNoTracking()
                          join u in db.Units on k.UnitId equals u.Id
                          where k.PropertyId == propertyId && k.Status == UnitKeyStatus.SignedOut
                          select new { Key = k, u.BuildingName, u.Number }).ToListAsync(cancellationToken);
        items.AddRange(keys.Select(k => new OpenItem(
            HandoverItemKind.Key, k.Key.Id, $"{k.BuildingName} {k.Number} {k.Key.Label} — {k.Key.HolderName}",
            k.Key.SignedOutAt ?? now, k.Key.IsOverdue(now))));

        var lostItems = await db.LostItems.AsNoTracking()
            .Where(i => i.PropertyId == propertyId && i.Status == LostItemStatus.Held && i.RegisteredAt >= shiftStart)
            .ToListAsync(cancellationToken);
        items.AddRange(lostItems.Select(i => new OpenItem(
            HandoverItemKind.LostItem, i.Id, $"{i.Item} ({i.Place})", i.RegisteredAt, false)));
        return items;
    }
}

public sealed record HandOverRequest(Guid PropertyId, string? Notes);

public sealed class HandOverRequestValidator : AbstractValidator<HandOverRequest>
{
    public HandOverRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Notes).MaximumLength(Handover.NotesMaxLength);
    }
}

public sealed record AcknowledgeHandoverRequest(string? Notes);

public sealed class AcknowledgeHandoverRequestValidator : AbstractValidator<AcknowledgeHandoverRequest>
{
    public AcknowledgeHandoverRequestValidator()
    {
        RuleFor(r => r.Notes).MaximumLength(Handover.NotesMaxLength);
    }
}

public sealed record OpenItemView(HandoverItemKind Kind, Guid ReferenceId, string Summary, DateTimeOffset Since, bool Overdue)
{
    public static OpenItemView From(OpenItem i) => new(i.Kind, i.ReferenceId, i.Summary, i.Since, i.Overdue);
}

public sealed record HandoverItemView(int Sequence, HandoverItemKind Kind, Guid ReferenceId, string Summary, DateTimeOffset Since, bool Overdue);

public sealed record HandoverView(
    Guid Id,
    Guid PropertyId,
    DateTimeOffset ShiftStartedAt,
    DateTimeOffset HandedOverAt,
    string HandedOverByName,
    string? Notes,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedByName,
    string? AcknowledgementNotes,
    IReadOnlyList<HandoverItemView> Items)
{
    public static HandoverView From(Handover h) => new(
        h.Id, h.PropertyId, h.ShiftStartedAt, h.HandedOverAt, h.HandedOverByName, h.Notes, h.AcknowledgedAt, h.AcknowledgedByName,
        h.AcknowledgementNotes,
        h.Items.Select(i => new HandoverItemView(i.Sequence, i.Kind, i.ReferenceId, i.Summary, i.Since, i.Overdue)).ToList());
}
