using PropertyPlatform.Contracts.Directory;

namespace PropertyPlatform.Contracts.Billing;

/// <summary>What a fee schedule charges for (收费项目).</summary>
public enum FeeItem
{
    /// <summary>Property-service fee (物业服务费), per m² of chargeable area per month, by unit type.</summary>
    PropertyService,
    /// <summary>Parking (车位费), per space per month.</summary>
    Parking,
    /// <summary>Metered water, per m³.</summary>
    Water,
    /// <summary>Metered electricity, per kWh.</summary>
    Electricity,
    /// <summary>A paid service (特约服务) done by a work order; charged from WorkOrders' event, never from a fee schedule.</summary>
    PaidService,
    /// <summary>
    /// A late fee (滞纳金) on a line left unpaid past its due date and grace period; charged by the bill run under the
    /// property's late-fee rule, never from a fee schedule.
    /// </summary>
    LateFee,
}

/// <summary>
/// A rate was set in a property's fee schedule (收费标准), in effect from <c>EffectiveFrom</c> until a later
/// rate of the same schedule takes over. <c>UnitType</c> is set for the property-service fee only.
/// </summary>
public sealed record FeeRateSet(
    Guid EventId,
    DateTimeOffset OccurredAt,
    Guid PropertyId,
    Guid FeeScheduleId,
    FeeItem Item,
    UnitType? UnitType,
    decimal Rate,
    DateOnly EffectiveFrom) : IIntegrationEvent;
