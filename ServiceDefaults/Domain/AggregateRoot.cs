using System.ComponentModel.DataAnnotations.Schema;
using PropertyPlatform.Contracts;

namespace PropertyPlatform.ServiceDefaults.Domain;

/// <summary>
/// An entity that guards its own rules and records the integration events its changes cause. The
/// service's DbContext moves those events into the outbox when it saves, so a change and its events
/// always commit together and no endpoint can forget to publish.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IIntegrationEvent> _pendingEvents = [];

    [NotMapped]
    public IReadOnlyList<IIntegrationEvent> PendingEvents => _pendingEvents;

    protected void Raise(IIntegrationEvent integrationEvent) => _pendingEvents.Add(integrationEvent);

    internal void ClearPendingEvents() => _pendingEvents.Clear();
}
