using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Billing.Domain;

/// <summary>One past-due open line, as reminders see it.</summary>
public sealed record PastDueLine(Guid UnitId, string BuildingName, string UnitNumber, Guid? PayerId, DateOnly DueDate, decimal AmountOpen);

/// <summary>
/// A reminder (催缴) sent for a unit's past-due lines to one payer on one day; the record keeps a second sweep of the same
/// day from reminding again, and raises <see cref="ArrearsReminderDue"/> for Notifications.
/// </summary>
public sealed class ArrearsReminder : AggregateRoot
{
    private ArrearsReminder()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The payer reminded; <see cref="Guid.Empty"/> when the lines name none.</summary>
    public Guid PayerId { get; private set; }

    public DateOnly Day { get; private set; }

    public decimal Amount { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>Lines due before <paramref name="asOf"/> and still open, grouped per unit and payer.</summary>
    public static IReadOnlyList<ArrearsReminder> For(Guid propertyId, IEnumerable<PastDueLine> lines, DateOnly asOf, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        return lines.Where(l => l.DueDate < asOf && l.AmountOpen > 0)
            .GroupBy(l => (l.UnitId, l.PayerId))
            .OrderBy(g => g.First().BuildingName, StringComparer.Ordinal).ThenBy(g => g.First().UnitNumber, StringComparer.Ordinal)
            .Select(g =>
            {
                var oldest = g.Min(l => l.DueDate);
                var reminder = new ArrearsReminder
                {
                    Id = Guid.CreateVersion7(now), PropertyId = propertyId, UnitId = g.Key.UnitId, PayerId = g.Key.PayerId ?? Guid.Empty, Day = asOf,
                    Amount = g.Sum(l => l.AmountOpen), SentAt = now,
                };
                reminder.Raise(new ArrearsReminderDue(Guid.CreateVersion7(now), now, propertyId, g.Key.UnitId, g.First().BuildingName, g.First().UnitNumber,
                    g.Key.PayerId, reminder.Amount, g.Count(), oldest, asOf.DayNumber - oldest.DayNumber, asOf));
                return reminder;
            })
            .ToList();
    }
}
