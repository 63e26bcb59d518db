using System.Text.Json;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// A unit's monthly property-service charge (物业服务费): the rate per m² in effect for its type on a day,
/// times its chargeable area, rounded half-up to the fen. Bill runs charge it per unit and month.
/// </summary>
public sealed record MonthlyServiceCharge(
    Guid UnitId,
    UnitType UnitType,
    decimal ChargeableArea,
    decimal Rate,
    DateOnly RateEffectiveFrom,
    DateOnly AsOf,
    decimal Amount)
{
    /// <summary>The amount as the receipt writes it, e.g. 壹佰贰拾叁元肆角伍分.</summary>
    public string AmountInWords => ChineseAmount.ToCapitals(Amount);

    /// <summary>Rate × area, rounded half-up to the fen. Pure: decimal only.</summary>
    public static decimal Calculate(decimal ratePerSquareMetre, decimal chargeableArea)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerSquareMetre);
        ArgumentOutOfRangeException.ThrowIfNegative(chargeableArea);
        return Money.RoundToFen(ratePerSquareMetre * chargeableArea);
    }

    /// <summary>
    /// The charge of <paramref name="unit"/> on <paramref name="asOf"/> under <paramref name="schedule"/> (the
    /// property-service schedule of the unit's property and type, or null when the property has none).
    /// </summary>
    public static MonthlyServiceCharge For(UnitCopy unit, FeeSchedule? schedule, DateOnly asOf)
    {
        if (FeeSchedule.UnitTypeProblem(FeeItem.PropertyService, unit.Type) is { } notCharged)
        {
            throw new DomainRuleException(notCharged);
        }
        if (schedule is not null
            && (schedule.PropertyId != unit.PropertyId || schedule.Item != FeeItem.PropertyService || schedule.UnitType != unit.Type))
        {
            throw new ArgumentException("The schedule is not the property-service schedule of the unit's property and type.", nameof(schedule));
        }

        var rate = schedule?.RateOn(asOf)
            ?? throw new DomainRuleException(
                $"No property-service rate for {JsonNamingPolicy.SnakeCaseLower.ConvertName(unit.Type.ToString())} units of this property is in effect on {asOf:yyyy-MM-dd}.");
        return new MonthlyServiceCharge(
            unit.Id, unit.Type, unit.ChargeableArea, rate.Rate, rate.EffectiveFrom, asOf, Calculate(rate.Rate, unit.ChargeableArea));
    }
}
