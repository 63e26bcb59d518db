using PropertyPlatform.Contracts.Complaints;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Messaging;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// Takes the work order a complaint asked for (channel <c>complaint</c>, the requester as taker, the complaint's id on
/// the order); <see cref="WorkOrderSubmitted"/> goes out as for any order. Once per message: the inbox skips a redelivery.
/// </summary>
public sealed class ComplaintWorkOrderRequestedConsumer(WorkOrdersDbContext db, TimeProvider time, WorkOrderSubmission submission)
    : IdempotentConsumer<ComplaintWorkOrderRequested, WorkOrdersDbContext>(db, time)
{
    protected override async Task HandleAsync(ComplaintWorkOrderRequested message, CancellationToken cancellationToken)
    {
        // Directory's unit event may not have arrived yet: failing lets MassTransit retry (and, after its retries, keeps the
        // message in the error queue for replay) instead of dropping the request.
        var unit = await Db.Units.FindAsync([message.UnitId], cancellationToken);
        if (unit is null || unit.PropertyId != message.PropertyId)
        {
            throw new InvalidOperationException(
                $"Complaint {message.ComplaintNumber} asks for a work order at unit {message.UnitId} of property {message.PropertyId}, which WorkOrders does not know (yet).");
        }

        var description = $"投诉 {message.ComplaintNumber}: {message.Description}";
        // The number in front must not push a long description past what an order keeps.
        description = description.Length > WorkOrder.DescriptionMaxLength ? description[..WorkOrder.DescriptionMaxLength] : description;
        var intake = new WorkOrderIntake(message.Category, message.Priority, IntakeChannel.Complaint, description, ComplaintId: message.ComplaintId);
        await submission.SubmitAsync(unit, intake, new Actor(message.RequestedById, message.RequestedByName), Time.GetUtcNow(), cancellationToken);
    }
}
