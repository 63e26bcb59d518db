using PropertyPlatform.Contracts.WorkOrders;

namespace PropertyPlatform.Contracts.Reception;

/// <summary>A visit was pre-registered for a host unit and the visitor was given a pass code.</summary>
public sealed record VisitRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    int PartySize,
    string Purpose,
    DateTimeOffset ExpectedFrom,
    DateTimeOffset ExpectedUntil) : IIntegrationEvent;

/// <summary>
/// A VIP, government or media visitor (<c>Category</c>: <c>vip</c>, <c>government</c>, <c>media</c>) was registered, in
/// advance or as a walk-in (<c>IsWalkIn</c>): the property's manager is told (政府或媒体来访须报告项目经理).
/// </summary>
public sealed record NotableVisitorExpected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    string Category,
    int PartySize,
    string Purpose,
    DateTimeOffset ExpectedFrom,
    bool IsWalkIn) : IIntegrationEvent;

/// <summary>Security let a pre-registered visitor in (the host can be told their visitor has arrived).</summary>
public sealed record VisitorCheckedIn(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    int PartySize) : IIntegrationEvent;

/// <summary>The visitor left the property.</summary>
public sealed record VisitorCheckedOut(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName) : IIntegrationEvent;

/// <summary>A visit was called off before the visitor arrived; its pass code no longer admits anyone.</summary>
public sealed record VisitCancelled(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string Reason) : IIntegrationEvent;

/// <summary>A found item was registered at the front desk (the claim notice for occupants); valuables are in the admin office's custody.</summary>
public sealed record LostItemRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid LostItemId,
    string Item,
    string Place,
    DateTimeOffset FoundAt,
    bool IsValuable,
    DateTimeOffset RetainUntil) : IIntegrationEvent;

/// <summary>The owner described the item and the place, showed ID and took the item back.</summary>
public sealed record LostItemClaimed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid LostItemId,
    string Item,
    string ClaimantName) : IIntegrationEvent;

/// <summary>A manager decided what becomes of an item nobody claimed within its retention period.</summary>
public sealed record LostItemDisposed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid LostItemId,
    string Item,
    string Decision,
    string? Note) : IIntegrationEvent;

/// <summary>A key of a vacant unit was entered in the front desk's key register.</summary>
public sealed record UnitKeyRegistered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid KeyId,
    Guid UnitId,
    string UnitNumber,
    string Label) : IIntegrationEvent;

/// <summary>A vacant unit's key was handed out, to come back the same day.</summary>
public sealed record UnitKeySignedOut(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid KeyId,
    Guid UnitId,
    string Label,
    string HolderName,
    string Reason,
    DateTimeOffset ExpectedReturnAt) : IIntegrationEvent;

/// <summary>A signed-out key came back to the register; <c>Late</c> when after the end of the day it went out.</summary>
public sealed record UnitKeyReturned(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid KeyId,
    Guid UnitId,
    string Label,
    string HolderName,
    bool Late) : IIntegrationEvent;

/// <summary>An enquiry was recorded at the front desk; <c>DueAt</c> is when the answer is owed (null when answered at once).</summary>
public sealed record EnquiryRecorded(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid EnquiryId,
    Guid? UnitId,
    string EnquirerName,
    string Question,
    DateTimeOffset? DueAt) : IIntegrationEvent;

/// <summary>
/// An enquiry owed a later answer is due now and still unanswered: the front desk is reminded to call the enquirer back
/// (<c>EnquirerPhone</c>) before it goes overdue in the list.
/// </summary>
public sealed record EnquiryAnswerDue(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid EnquiryId,
    Guid? UnitId,
    string EnquirerName,
    string? EnquirerPhone,
    string Question,
    DateTimeOffset DueAt) : IIntegrationEvent;

/// <summary>An enquiry was answered; <c>Late</c> when after the time it was due.</summary>
public sealed record EnquiryAnswered(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid EnquiryId,
    Guid? UnitId,
    bool Late) : IIntegrationEvent;

/// <summary>
/// A walk-in was registered at the desk and waits for the host's answer until <c>ConfirmBy</c> (the host is asked to
/// confirm or decline: <c>/visits/{VisitId}/confirm</c>, <c>/decline</c>).
/// </summary>
public sealed record WalkInAwaitingHost(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    int PartySize,
    string Purpose,
    DateTimeOffset ConfirmBy) : IIntegrationEvent;

/// <summary>The host confirmed a walk-in; the visitor may be checked in with the visit's pass code.</summary>
public sealed record WalkInConfirmed(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName) : IIntegrationEvent;

/// <summary>The host declined a walk-in; the visitor is not admitted.</summary>
public sealed record WalkInDeclined(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid VisitId,
    Guid UnitId,
    string UnitNumber,
    string VisitorName,
    string? Reason) : IIntegrationEvent;

/// <summary>A tenant applied for a goods exit pass (出门条) for the given day; the front desk is to check the signer.</summary>
public sealed record ExitPassApplied(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ExitPassId,
    Guid UnitId,
    string UnitNumber,
    DateOnly ExitDate,
    int ItemCount) : IIntegrationEvent;

/// <summary>The front desk found the exit pass signed by an authorised signer of the tenant; the gate may release the goods.</summary>
public sealed record ExitPassVerified(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ExitPassId,
    Guid UnitId,
    Guid SignerPersonId,
    Guid CompanyId) : IIntegrationEvent;

/// <summary>Security let the goods of an exit pass out at the gate; <c>Partial</c> when only part of them.</summary>
public sealed record ExitPassReleased(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ExitPassId,
    Guid UnitId,
    bool Partial) : IIntegrationEvent;

/// <summary>An exit pass was turned down: by the front desk (<c>AtGate</c> false) or by security at the gate.</summary>
public sealed record ExitPassRefused(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid ExitPassId,
    Guid UnitId,
    string Reason,
    bool AtGate) : IIntegrationEvent;

/// <summary>The outgoing front-desk shift handed over its open items (交接班); <c>OverdueCount</c> of them past due.</summary>
public sealed record ShiftHandedOver(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid HandoverId,
    string HandedOverByName,
    int ItemCount,
    int OverdueCount) : IIntegrationEvent;

/// <summary>The incoming shift acknowledged a handover.</summary>
public sealed record HandoverAcknowledged(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid HandoverId,
    string AcknowledgedByName) : IIntegrationEvent;

/// <summary>
/// The front desk issued an access card (出入证) to a contractor's worker for work in a unit; the deposit it names
/// (<paramref name="Deposit"/>, yuan) is owed to Billing, which charges it to the unit as an access-card deposit.
/// </summary>
public sealed record AccessCardIssued(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid AccessCardId,
    string CardNumber,
    Guid UnitId,
    string UnitNumber,
    string HolderName,
    string Company,
    decimal Deposit,
    DateOnly ValidUntil,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>The card came back to the front desk: Billing refunds its deposit.</summary>
public sealed record AccessCardReturned(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid AccessCardId,
    string CardNumber,
    Guid UnitId,
    decimal Deposit,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>The holder reported the card lost: it no longer opens anything and Billing keeps its deposit.</summary>
public sealed record AccessCardLost(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid AccessCardId,
    string CardNumber,
    Guid UnitId,
    decimal Deposit,
    string? Note,
    Guid ActorId,
    string ActorName) : IIntegrationEvent;

/// <summary>
/// Vacant units were inspected (空置房巡查): weekly by area, or the full inspection on the 20th (<c>Full</c>), with how
/// many findings were recorded and for how many a work order was asked.
/// </summary>
public sealed record VacantUnitsInspected(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid InspectionId,
    bool Full,
    string? Area,
    DateOnly InspectedOn,
    int FindingCount,
    int WorkOrderCount,
    string InspectorName) : IIntegrationEvent;

/// <summary>
/// An inspection of vacant units found something to repair in a unit and asked for a work order. WorkOrders takes the
/// order (channel <c>patrol</c>: found on a round, the inspector as taker).
/// </summary>
public sealed record InspectionWorkOrderRequested(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid InspectionId,
    int FindingSequence,
    Guid UnitId,
    WorkOrderCategory Category,
    WorkOrderPriority Priority,
    string Description,
    Guid RequestedById,
    string RequestedByName) : IIntegrationEvent;
