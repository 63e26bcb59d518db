using PropertyPlatform.Contracts;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.IntegrationEvents;

/// <summary>
/// Tells an event that has no consumer of its own: every message comes from the property's route and the event's
/// template (<see cref="EventCatalog"/>), and subscribed webhooks get the event. One instance per event type.
/// </summary>
public sealed class RoutedConsumer<TEvent>(NotificationsDbContext db, TimeProvider time, PropertyCalendar calendar, InboxPush push, DeliverySignal signal, WebhookSignal webhooks)
    : InboxConsumer<TEvent>(db, time, push, signal, webhooks)
    where TEvent : class, IIntegrationEvent
{
    protected override PropertyCalendar Calendar => calendar;

    protected override IEnumerable<Notice> NoticesFor(TEvent message) => [];
}
