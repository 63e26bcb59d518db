using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Channels;

/// <summary>
/// Decides the email and SMS deliveries of an event's messages to persons: on the channels their preferences choose for
/// the category, where their contacts have an address, in their language, held in their quiet hours unless an escalation.
/// Only the channels the event's route allows are planned. Messages to a role stay in the inbox. A (event, recipient, channel) already planned is not planned again.
/// </summary>
public static class DeliveryPlanner
{
    public static async Task<int> PlanAsync(
        NotificationsDbContext db, Guid eventId, string eventType, Category category, IReadOnlyList<(Recipient Recipient, MessageText Text, bool Escalation)> notices,
        IReadOnlyCollection<Channel> channels, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var toPersons = notices.Where(n => n.Recipient.PersonId is not null).ToList();
        if (toPersons.Count == 0)
        {
            return 0;
        }
        var ids = toPersons.Select(n => n.Recipient.PersonId!.Value).ToList();
        var keys = toPersons.Select(n => n.Recipient.Key).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        var preferences = await db.Preferences.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, cancellationToken);
        var planned = await db.Deliveries.Where(d => d.EventId == eventId && keys.Contains(d.RecipientKey))
            .Select(d => new { d.RecipientKey, d.Channel }).ToListAsync(cancellationToken);

        var added = 0;
        foreach (var (recipient, text, escalation) in toPersons)
        {
            var personId = recipient.PersonId!.Value;
            if (!contacts.TryGetValue(personId, out var contact))
            {
                continue;
            }
            var preference = preferences.GetValueOrDefault(personId) ?? Preference.Default(personId);
            foreach (var channel in channels)
            {
                var address = channel == Channel.Email ? contact.EmailMasked : contact.PhoneMasked;
                if (address is null || !preference.Wants(channel, category)
                    || planned.Any(p => p.RecipientKey == recipient.Key && p.Channel == channel))
                {
                    continue;
                }
                var (subject, body) = MessageTemplates.Render(channel, text, preference.Language, contact.Name);
                var delivery = Delivery.Create(eventId, eventType, recipient, channel, address, preference.Language, subject, body, escalation, now);
                if (preference.QuietUntilAfter(now, escalation) is { } until)
                {
                    delivery.Hold(until);
                }
                db.Deliveries.Add(delivery);
                added++;
            }
        }
        return added;
    }
}
