using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Contracts;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Messaging;

namespace PropertyPlatform.Notifications.Contacts;

/// <summary>Applies one of Directory's events to the copy of one person's contacts, creating it on first sight.</summary>
public abstract partial class ContactConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, ILogger logger)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, time)
    where TEvent : class, IIntegrationEvent
{
    protected abstract Guid PersonOf(TEvent message);

    protected abstract void Apply(Contact contact, TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken cancellationToken)
    {
        var personId = PersonOf(message);
        var contact = await Db.Contacts.SingleOrDefaultAsync(c => c.PersonId == personId, cancellationToken);
        if (contact is null)
        {
            contact = Contact.For(personId);
            Db.Contacts.Add(contact);
        }
        Apply(contact, message);
        // Only masked values reach the logs.
        LogContactUpdated(logger, typeof(TEvent).Name, personId, contact.EmailMasked, contact.PhoneMasked);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Event}: contacts of {PersonId} now email {Email}, phone {Phone}")]
    private static partial void LogContactUpdated(ILogger logger, string @event, Guid personId, string? email, string? phone);
}

public sealed class OccupantRegisteredConsumer(NotificationsDbContext db, TimeProvider time, ContactProtector protector, ILogger<OccupantRegisteredConsumer> logger)
    : ContactConsumer<OccupantRegistered>(db, time, logger)
{
    protected override Guid PersonOf(OccupantRegistered message) => message.OccupantId;

    protected override void Apply(Contact contact, OccupantRegistered message) =>
        contact.Apply(message.Name, protector.ProtectEmail(message.Email), protector.ProtectPhone(message.Phone), message.OccurredAt);
}

public sealed class OccupantContactChangedConsumer(NotificationsDbContext db, TimeProvider time, ContactProtector protector, ILogger<OccupantContactChangedConsumer> logger)
    : ContactConsumer<OccupantContactChanged>(db, time, logger)
{
    protected override Guid PersonOf(OccupantContactChanged message) => message.OccupantId;

    protected override void Apply(Contact contact, OccupantContactChanged message) =>
        contact.Apply(message.Name, protector.ProtectEmail(message.Email), protector.ProtectPhone(message.Phone), message.OccurredAt);
}

public sealed class OccupancyStartedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<OccupancyStartedConsumer> logger)
    : ContactConsumer<OccupancyStarted>(db, time, logger)
{
    protected override Guid PersonOf(OccupancyStarted message) => message.OccupantId;

    protected override void Apply(Contact contact, OccupancyStarted message) => contact.MoveIn(message.OccupancyId, message.PropertyId, message.UnitId, message.OccurredAt);
}

public sealed class OccupancyEndedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<OccupancyEndedConsumer> logger)
    : ContactConsumer<OccupancyEnded>(db, time, logger)
{
    protected override Guid PersonOf(OccupancyEnded message) => message.OccupantId;

    protected override void Apply(Contact contact, OccupancyEnded message) => contact.MoveOut(message.OccupancyId, message.PropertyId, message.UnitId, message.OccurredAt);
}

/// <summary>Staff events carry a phone and, when Directory has one, an email.</summary>
public sealed class StaffChangedConsumer(NotificationsDbContext db, TimeProvider time, ContactProtector protector, ILogger<StaffChangedConsumer> logger)
    : ContactConsumer<StaffChanged>(db, time, logger)
{
    protected override Guid PersonOf(StaffChanged message) => message.StaffId;

    protected override void Apply(Contact contact, StaffChanged message) =>
        contact.Apply(message.Name, protector.ProtectEmail(message.Email), protector.ProtectPhone(message.Phone), message.OccurredAt, isStaff: true);
}
