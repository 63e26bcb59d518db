using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Apis;

/// <summary>
/// The in-app inbox. Texts come in the language of <c>Accept-Language</c> (zh-CN unless English is preferred),
/// named in the response's <c>Content-Language</c> and each entry's <c>language</c>. At their properties a caller reads
/// the messages addressed to them, and staff those addressed to a role they hold; supervisors, managers and
/// administrators also oversee every role's messages. Anything else answers 404.
/// </summary>
public static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        // The roles messages are written for today and those who oversee them (README "Who may do what"); which entries each sees: VisibleTo below.
        var api = app.MapGroup("/inbox").WithTags("Inbox")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin);

        api.MapGet("/", ListInbox).WithName("ListInbox");
        api.MapGet("/{id:guid}", GetInboxEntry).WithName("GetInboxEntry");
        api.MapPost("/{id:guid}/read", MarkRead).WithName("MarkInboxEntryRead");
        api.MapGet("/unread-count", CountUnread).WithName("CountUnreadInboxEntries");
        api.MapPost("/read-all", MarkAllRead).WithName("MarkAllInboxEntriesRead");
        return app;
    }

    public static async Task<Results<Ok<Page<InboxEntryView>>, ValidationProblem>> ListInbox(
        [AsParameters] InboxQuery query, [AsParameters] PageRequest page, Caller caller, HttpContext http, NotificationsDbContext db,
        CancellationToken cancellationToken)
    {
        if (!TryParseRole(query.Role, out var role))
        {
            return UnknownRole();
        }

        var entries = db.InboxEntries.AsNoTracking().VisibleTo(caller).Matching(query, role);
        var language = ChooseLanguage(http);
        var ordered = entries.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, e => InboxEntryView.From(e, language), cancellationToken));
    }

    public static async Task<Results<Ok<InboxEntryView>, ProblemHttpResult>> GetInboxEntry(
        Guid id, Caller caller, HttpContext http, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.InboxEntries.AsNoTracking().VisibleTo(caller).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return entry is null ? ProblemResults.NotFound("inbox entry", id) : TypedResults.Ok(InboxEntryView.From(entry, ChooseLanguage(http)));
    }

    /// <summary>Idempotent: reading a read message again answers the same, with the first read time.</summary>
    public static async Task<Results<Ok<InboxEntryView>, ProblemHttpResult>> MarkRead(
        Guid id, Caller caller, HttpContext http, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var entry = await db.InboxEntries.VisibleTo(caller).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return ProblemResults.NotFound("inbox entry", id);
        }

        if (entry.MarkRead(time.GetUtcNow()))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone marked it read at the same moment; theirs was first, so answer with it.
                await db.Entry(entry).ReloadAsync(cancellationToken);
            }
        }
        return TypedResults.Ok(InboxEntryView.From(entry, ChooseLanguage(http)));
    }

    /// <summary>How many unread messages the list would hold with <c>unread=true</c>: the bell's number.</summary>
    public static async Task<Results<Ok<UnreadCount>, ValidationProblem>> CountUnread(
        [AsParameters] InboxFilter filter, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!TryParseRole(filter.Role, out var role))
        {
            return UnknownRole();
        }
        var query = new InboxQuery(filter.PropertyId, filter.Role, filter.PersonId, Unread: true);
        return TypedResults.Ok(new UnreadCount(await db.InboxEntries.VisibleTo(caller).Matching(query, role).CountAsync(cancellationToken)));
    }

    /// <summary>
    /// Marks read every unread message the list would show for the same filter, in one statement; messages read
    /// before keep their first read time. Answers how many this call marked (0 when there were none).
    /// </summary>
    public static async Task<Results<Ok<MarkedRead>, ValidationProblem>> MarkAllRead(
        [AsParameters] InboxFilter filter, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TryParseRole(filter.Role, out var role))
        {
            return UnknownRole();
        }
        var now = StoredTime.Of(time.GetUtcNow());
        var query = new InboxQuery(filter.PropertyId, filter.Role, filter.PersonId, Unread: true);
        // InboxEntry.MarkRead's rule in SQL: never read before it arrived.
        var marked = await db.InboxEntries.VisibleTo(caller).Matching(query, role)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ReadAt, e => e.CreatedAt > now ? e.CreatedAt : now), cancellationToken);
        return TypedResults.Ok(new MarkedRead(marked));
    }

    private static ValidationProblem UnknownRole() =>
        ProblemResults.Invalid("role", $"Unknown role; use one of: {string.Join(", ", Enum.GetValues<RecipientRole>().Select(RoleName))}.");

    /// <summary>The list's filters; they only narrow what <see cref="VisibleTo"/> lets through.</summary>
    private static IQueryable<InboxEntry> Matching(this IQueryable<InboxEntry> entries, InboxQuery query, RecipientRole? role)
    {
        if (query.PropertyId is { } propertyId)
        {
            entries = entries.Where(e => e.PropertyId == propertyId);
        }
        if (role is { } recipientRole)
        {
            entries = entries.Where(e => e.RecipientRole == recipientRole);
        }
        if (query.PersonId is { } personId)
        {
            entries = entries.Where(e => e.RecipientPersonId == personId);
        }
        if (query.Unread is { } unread)
        {
            entries = unread ? entries.Where(e => e.ReadAt == null) : entries.Where(e => e.ReadAt != null);
        }
        return entries;
    }

    /// <summary>Picks the language from <c>Accept-Language</c> and says which one the response is in.</summary>
    private static Language ChooseLanguage(HttpContext http)
    {
        var language = AcceptLanguage.Preferred(http.Request.GetTypedHeaders().AcceptLanguage);
        http.Response.Headers[HeaderNames.ContentLanguage] = language.Tag();
        http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        return language;
    }

    /// <summary>
    /// The entries <paramref name="caller"/> may read, in SQL: at their properties, those addressed to them, and those
    /// addressed to a staff role they hold (any role for an overseer). A message to one person is never shown to another,
    /// and an occupant reads only the messages addressed to them, not those to every occupant.
    /// </summary>
    private static IQueryable<InboxEntry> VisibleTo(this IQueryable<InboxEntry> entries, Caller caller)
    {
        var personId = caller.PersonId;
        var oversees = caller.IsInAnyRole(Roles.Supervisor, Roles.Manager, Roles.Admin);
        List<RecipientRole?> roles =
            [.. Enum.GetValues<RecipientRole>().Where(r => r != RecipientRole.Occupant && caller.IsInRole(RoleName(r))).Cast<RecipientRole?>()];
        // Not InPropertiesOf: that gives an occupant no property at all, while their own messages are at the properties their token names.
        var properties = caller.PropertyIds.ToList();
        var scoped = caller.IsStaff && caller.AllProperties ? entries : entries.Where(e => properties.Contains(e.PropertyId));
        return scoped.Where(e => e.RecipientPersonId == personId || (e.RecipientRole != null && (oversees || roles.Contains(e.RecipientRole))));
    }

    private static string RoleName(RecipientRole role) => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());

    /// <summary>Reads the role as the API writes it (<c>frontdesk</c>); empty means "any role".</summary>
    private static bool TryParseRole(string? value, out RecipientRole? role)
    {
        role = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        role = Enum.GetValues<RecipientRole>().Cast<RecipientRole?>()
            .FirstOrDefault(r => string.Equals(RoleName(r!.Value), value.Trim(), StringComparison.OrdinalIgnoreCase));
        return role is not null;
    }
}

/// <summary><c>unread=true</c>: only unread; <c>unread=false</c>: only read; absent: all.</summary>
public sealed record InboxQuery(Guid? PropertyId, string? Role, Guid? PersonId, bool? Unread);

/// <summary>The filters of <c>unread-count</c> and <c>read-all</c>: the list's, without <c>unread</c>.</summary>
public sealed record InboxFilter(Guid? PropertyId, string? Role, Guid? PersonId);

/// <summary>How many unread messages the caller has (for the filter given).</summary>
public sealed record UnreadCount(int Unread);

/// <summary>How many messages one "mark all read" marked.</summary>
public sealed record MarkedRead(int Marked);

public sealed record RecipientView(RecipientRole? Role, Guid? PersonId);

public sealed record InboxEntryView(
    Guid Id,
    Guid PropertyId,
    RecipientView Recipient,
    string Language,
    string Title,
    string Body,
    string Link,
    bool Escalation,
    Guid SourceEventId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt)
{
    public static InboxEntryView From(InboxEntry e, Language language)
    {
        var (title, body) = e.TextIn(language);
        return new(e.Id, e.PropertyId, new RecipientView(e.RecipientRole, e.RecipientPersonId), language.Tag(), title, body, e.Link,
            e.Escalation, e.SourceEventId, e.CreatedAt, e.ReadAt);
    }
}
