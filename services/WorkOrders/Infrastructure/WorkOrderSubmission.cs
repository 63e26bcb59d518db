using PropertyPlatform.ServiceDefaults.Data;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Infrastructure;

/// <summary>
/// Takes a new order the one way every intake does (the front desk, a patrol, a complaint): the property's time limit
/// for its priority, the day's next number, and the order added to the context. The caller runs it inside its
/// transaction, so a rolled-back intake gives its number back, and saves.
/// </summary>
public sealed class WorkOrderSubmission(WorkOrdersDbContext db, DailyNumbering numbering)
{
    public async Task<WorkOrder> SubmitAsync(UnitCopy unit, WorkOrderIntake intake, Actor takenBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var limit = await db.TimeLimits.FindAsync([unit.PropertyId, intake.Priority], cancellationToken);
        return await SubmitAsync(unit, limit, intake, takenBy, now, cancellationToken);
    }

    /// <summary>
    /// Takes an order another service asked for (a complaint, an inspection of vacant units). Directory's unit event may
    /// not have arrived yet: failing lets MassTransit retry (and, after its retries, keeps the message in the error queue
    /// for replay) instead of dropping the request. A description longer than an order keeps is cut.
    /// </summary>
    public async Task<WorkOrder> SubmitRequestedAsync(
        string requestedBy, Guid propertyId, Guid unitId, WorkOrderIntake intake, Actor takenBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([unitId], cancellationToken);
        if (unit is null || unit.PropertyId != propertyId)
        {
            throw new InvalidOperationException(
                $"{requestedBy} asks for a work order at unit {unitId} of property {propertyId}, which WorkOrders does not know (yet).");
        }
        if (intake.Description.Length > WorkOrder.DescriptionMaxLength)
        {
            intake = intake with { Description = intake.Description[..WorkOrder.DescriptionMaxLength] };
        }
        return await SubmitAsync(unit, intake, takenBy, now, cancellationToken);
    }

    /// <summary>The same, with the property's time limit for the intake's priority already read (null: the default).</summary>
    public async Task<WorkOrder> SubmitAsync(
        UnitCopy unit, PropertyTimeLimit? limit, WorkOrderIntake intake, Actor takenBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await SubmitAllAsync([new IntakeRequest(unit, limit, intake, takenBy, now)], cancellationToken))[0];

    /// <summary>
    /// Several intakes in one transaction (<see cref="IntakeBatches"/>); the orders in the order given. Each property's
    /// numbers for a day are taken in one statement, in the order given; properties in id order, so two such transactions
    /// never wait on each other's counter rows in a circle.
    /// </summary>
    public async Task<IReadOnlyList<WorkOrder>> SubmitAllAsync(IReadOnlyList<IntakeRequest> requests, CancellationToken cancellationToken)
    {
        var orders = new WorkOrder[requests.Count];
        var groups = requests.Select((request, index) => (Request: request, Index: index))
            .GroupBy(r => (r.Request.Unit.PropertyId, Day: numbering.DayOf(r.Request.Now)))
            .OrderBy(g => g.Key.PropertyId).ThenBy(g => g.Key.Day);
        foreach (var group in groups)
        {
            var numbers = await numbering.NextAsync(
                db, WorkOrder.NumberPrefix, group.Key.PropertyId, group.First().Request.Now, group.Count(), cancellationToken);
            foreach (var ((request, index), number) in group.Zip(numbers))
            {
                orders[index] = Add(request, number);
            }
        }
        return orders;
    }

    private WorkOrder Add(IntakeRequest request, DailyNumber number)
    {
        var order = WorkOrder.Submit(
            request.Unit, number, request.Intake, request.Limit?.Limit ?? TimeLimit.DefaultFor(request.Intake.Priority), request.TakenBy, request.Now);
        db.WorkOrders.Add(order);
        return order;
    }
}

/// <summary>One repair request to take: its unit, the property's time limit for its priority (null: the default), who took it and when.</summary>
public sealed record IntakeRequest(UnitCopy Unit, PropertyTimeLimit? Limit, WorkOrderIntake Intake, Actor TakenBy, DateTimeOffset Now);
