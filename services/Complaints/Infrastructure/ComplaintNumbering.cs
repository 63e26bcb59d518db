using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Complaints.Domain;

namespace PropertyPlatform.Complaints.Infrastructure;

/// <summary>
/// Hands out the day's next complaint number for a property. The counter row is bumped atomically in the
/// caller's transaction, so numbers never repeat, and a rolled-back intake gives its number back.
/// </summary>
public sealed class ComplaintNumbering(TimeZoneInfo propertyTimeZone)
{
    public async Task<ComplaintNumber> NextAsync(ComplaintsDbContext db, Guid propertyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, propertyTimeZone).DateTime);
        // ToListAsync, not SingleAsync: EF must not wrap an INSERT in a sub-select.
        var sequence = (await db.Database.SqlQuery<int>($"""
            INSERT INTO daily_counters (property_id, day, last_sequence) VALUES ({propertyId}, {day}, 1)
            ON CONFLICT (property_id, day) DO UPDATE SET last_sequence = daily_counters.last_sequence + 1
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return ComplaintNumber.For(day, sequence);
    }
}
