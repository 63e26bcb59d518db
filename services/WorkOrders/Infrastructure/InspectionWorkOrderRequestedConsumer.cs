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
        var intake = new WorkOrderIntake(message.Category, message.Priority, IntakeChannel.Patrol, message.Description);
        await submission.SubmitRequestedAsync($"Inspection {message.InspectionId}", message.PropertyId, message.UnitId, intake,
            new Actor(message.RequestedById, message.RequestedByName), Time.GetUtcNow(), cancellationToken);
    }
}
