using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.ServiceDefaults.Data;

/// <summary>The last daily number handed out per property and day (table <c>daily_counters</c>).</summary>
public sealed class DailyCounter
{
    public Guid PropertyId { get; init; }

    public DateOnly Day { get; init; }

    public int LastSequence { get; init; }
}

/// <summary>
/// Hands out the day's next <see cref="DailyNumber"/> for a property. The counter row is bumped atomically in the
/// caller's transaction, so numbers never repeat, and a rolled-back intake gives its number back.
/// </summary>
public sealed class DailyNumbering(PropertyCalendar calendar)
{
    public async Task<DailyNumber> NextAsync(ServiceDbContext db, string prefix, Guid propertyId, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await NextAsync(db, prefix, propertyId, now, 1, cancellationToken))[0];

    /// <summary>The day's next <paramref name="count"/> numbers for a property, in order, taken in one statement.</summary>
    public async Task<IReadOnlyList<DailyNumber>> NextAsync(
        ServiceDbContext db, string prefix, Guid propertyId, DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var day = calendar.DayOf(now);
        // ToListAsync, not SingleAsync: EF must not wrap an INSERT in a sub-select.
        var last = (await db.Database.SqlQuery<int>($"""
            INSERT INTO daily_counters (property_id, day, last_sequence) VALUES ({propertyId}, {day}, {count})
            ON CONFLICT (property_id, day) DO UPDATE SET last_sequence = daily_counters.last_sequence + {count}
            RETURNING last_sequence AS "Value"
            """).ToListAsync(cancellationToken)).Single();
        return [.. Enumerable.Range(last - count + 1, count).Select(sequence => DailyNumber.For(prefix, day, sequence))];
    }

    /// <summary>The property's local day of <paramref name="instant"/>: numbers run per this day.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => calendar.DayOf(instant);
}

public static class DailyCounters
{
    /// <summary>Adds the <c>daily_counters</c> table to a service's model (call in <c>OnModelCreating</c>).</summary>
    public static ModelBuilder ApplyDailyCounters(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DailyCounter>(counter =>
        {
            counter.ToTable("daily_counters");
            counter.HasKey(c => new { c.PropertyId, c.Day });
        });
        return modelBuilder;
    }

    /// <summary>Creates the <c>daily_counters</c> table; must match <see cref="ApplyDailyCounters"/> (each migration test checks).</summary>
    public static void CreateDailyCounters(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: "daily_counters",
            columns: table => new
            {
                property_id = table.Column<Guid>(type: "uuid", nullable: false),
                day = table.Column<DateOnly>(type: "date", nullable: false),
                last_sequence = table.Column<int>(type: "integer", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_daily_counters", x => new { x.property_id, x.day }));
}
