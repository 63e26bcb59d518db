using Microsoft.AspNetCore.Http.HttpResults;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Apis;

/// <summary>
/// Optimistic concurrency for the front desk's registers: a record's ETag is PostgreSQL's row version; a command
/// that names the version it read (<c>If-Match</c>) and finds another is refused with 409, and a change committed
/// between the read and the save fails on the row version too.
/// </summary>
internal static class RowVersions
{
    public static string ETagOf(ReceptionDbContext db, object entity) => $"\"{db.Entry(entity).Property("xmin").CurrentValue}\"";

    /// <summary>A 409 when the client's <c>If-Match</c> names another version than the stored one; null otherwise.</summary>
    public static ProblemHttpResult? StaleProblem(HttpContext http, ReceptionDbContext db, object entity, string what)
    {
        var expected = http.Request.Headers.IfMatch.ToString();
        var current = ETagOf(db, entity);
        return expected.Length > 0 && expected != "*" && expected != current
            ? ProblemResults.Conflict($"The {what} changed since you read it (you sent {expected}, it is now {current}): reload it and try again.")
            : null;
    }

    public static void SetETag(HttpContext http, ReceptionDbContext db, object entity) => http.Response.Headers.ETag = ETagOf(db, entity);
}
