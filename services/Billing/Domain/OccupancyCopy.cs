using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Billing.Domain;

/// <summary>How often an occupant is billed (缴费周期): monthly, or a quarter at a time in advance.</summary>
public enum BillingCycle
{
    Monthly,
    Quarterly,
}

/// <summary>
/// Billing's copy of a Directory occupancy (入伙 to 迁出): who holds which unit from when to when, fed by
/// <see cref="OccupancyStarted"/>/<see cref="OccupancyEnded"/> and filled from Directory's occupancy feed. Events and
/// feed records may arrive in any order; each carries its version and only a newer state replaces the copy's. The
/// billing cycle is Billing's own (set by finance) and is never overwritten by Directory.
/// </summary>
public sealed class OccupancyCopy
{
    private OccupancyCopy()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    /// <summary>The occupant (业户) who holds the unit; the payer when they are its owner or tenant.</summary>
    public Guid OccupantId { get; private set; }

    public OccupancyRole Role { get; private set; }

    public DateOnly StartDate { get; private set; }

    /// <summary>The last day held; null while current.</summary>
    public DateOnly? EndDate { get; private set; }

    public BillingCycle BillingCycle { get; private set; }

    /// <summary>When Directory made the state held (the event's <c>OccurredAt</c>).</summary>
    public DateTimeOffset Version { get; private set; }

    /// <summary>Owners and tenants pay; residents live there but do not.</summary>
    public bool Pays => Role is OccupancyRole.Owner or OccupancyRole.Tenant;

    public static OccupancyCopy From(OccupancyStarted s) => New(s.OccupancyId, s.PropertyId, s.UnitId, s.OccupantId, s.Role, s.StartDate, null, s.OccurredAt);

    /// <summary>An end heard of before its start (events of two kinds may arrive out of order).</summary>
    public static OccupancyCopy From(OccupancyEnded e) => New(e.OccupancyId, e.PropertyId, e.UnitId, e.OccupantId, e.Role, e.StartDate, e.EndDate, e.OccurredAt);

    public static OccupancyCopy From(OccupancyRecord r) => New(r.OccupancyId, r.PropertyId, r.UnitId, r.OccupantId, r.Role, r.StartDate, r.EndDate, r.Version);

    /// <summary>Takes the move-out unless the copy holds a newer state already.</summary>
    public bool Apply(OccupancyEnded e) => Apply(e.StartDate, e.EndDate, e.OccurredAt);

    /// <summary>Takes the feed's record unless an event overtook the read.</summary>
    public bool Apply(OccupancyRecord r) => Apply(r.StartDate, r.EndDate, r.Version);

    public void SetBillingCycle(BillingCycle cycle) => BillingCycle = cycle;

    /// <summary>Whether the occupancy holds the unit on <paramref name="day"/>.</summary>
    public bool Holds(DateOnly day) => StartDate <= day && (EndDate is not { } end || day <= end);

    private bool Apply(DateOnly startDate, DateOnly? endDate, DateTimeOffset version)
    {
        version = StoredTime.Of(version);
        if (Version >= version)
        {
            return false;
        }
        (StartDate, EndDate, Version) = (startDate, endDate, version);
        return true;
    }

    private static OccupancyCopy New(Guid id, Guid propertyId, Guid unitId, Guid occupantId, OccupancyRole role, DateOnly start, DateOnly? end, DateTimeOffset version) =>
        new()
        {
            Id = id, PropertyId = propertyId, UnitId = unitId, OccupantId = occupantId, Role = role, StartDate = start, EndDate = end,
            BillingCycle = BillingCycle.Monthly, Version = StoredTime.Of(version),
        };
}
