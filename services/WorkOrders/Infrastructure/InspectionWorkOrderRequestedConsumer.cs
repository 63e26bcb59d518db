using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// Takes the work order an inspection of vacant units asked for (channel <c>patrol</c>: found on a round, the inspector
/// as taker); <see cref="WorkOrderSubmitted"/> goes out as for any order. Once per message: the inbox skips a redelivery.
/// </summary>
public sealed class InspectionWorkOrderRequestedConsumer(WorkOrdersDbContext db, TimeProvider time, WorkOrderSubmission submission)
    : IdempotentConsumer<InspectionWorkOrderRequested, WorkOrdersDbContext>(db, time)
{
    protected override async Task HandleAsync(InspectionWorkOrderRequested message, CancellationToken cancellationToken)
    {
        // As for a complaint's request: a unit not known yet fails the message, which MassTransit retries.
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null || unit.PropertyId != message.PropertyId)
        {
            throw new InvalidOperationException(
                $"Inspection {message.InspectionId} asks for a work order at unit {message.UnitId} of property {message.PropertyId}, which WorkOrders does not know (yet).");
        }

        var description = message.Description.Length > WorkOrder.DescriptionMaxLength
            ? message.Description[..WorkOrder.DescriptionMaxLength]
            : message.Description;
        var intake = new WorkOrderIntake(message.Category, message.Priority, IntakeChannel.Patrol, description);
        await submission.SubmitAsync(unit, intake, new Actor(message.RequestedById, message.RequestedByName), Time.GetUtcNow(), cancellationToken);
    }
}
