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
        var intake = new WorkOrderIntake(
            message.Category, message.Priority, IntakeChannel.Complaint, $"投诉 {message.ComplaintNumber}: {message.Description}", ComplaintId: message.ComplaintId);
        await submission.SubmitRequestedAsync($"Complaint {message.ComplaintNumber}", message.PropertyId, message.UnitId, intake,
            new Actor(message.RequestedById, message.RequestedByName), Time.GetUtcNow(), cancellationToken);
    }
}
