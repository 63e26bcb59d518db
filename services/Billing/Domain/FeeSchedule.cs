using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

/// <summary>What a rate is charged per.</summary>
public enum FeeBasis
{
    PerSquareMetrePerMonth,
    PerSpacePerMonth,
    PerCubicMetre,
    PerKilowattHour,
}

/// <summary>
/// One line of a property's fee schedule (收费标准): a fee item — for the property-service fee, per unit
/// type — and the history of its rates. A rate holds from its effective date until a later one takes over;
/// earlier rates are kept, because bills of past periods were worked out with them.
/// </summary>
public sealed class FeeSchedule : AggregateRoot
{
    /// <summary>Rates are CNY with at most four decimals (e.g. 0.5283 per kWh).</summary>
    public const int RateDecimals = 4;

    /// <summary>What numeric(12,4) holds.</summary>
    public const decimal MaxRate = 99_999_999.9999m;

    private readonly List<FeeRate> _rates = [];

    private FeeSchedule()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public FeeItem Item { get; private set; }

    /// <summary>The unit type the property-service fee applies to; null for the other items.</summary>
    public UnitType? UnitType { get; private set; }

    public FeeBasis Basis => BasisOf(Item);

    /// <summary>When a rate was last set; every change touches the row, so concurrent changes meet on its version.</summary>
    public DateTimeOffset LastChangedAt { get; private set; }

    public IReadOnlyList<FeeRate> Rates => _rates;

    public static FeeSchedule Create(Guid propertyId, FeeItem item, UnitType? unitType, DateTimeOffset now)
    {
        if (UnitTypeProblem(item, unitType) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        return new FeeSchedule
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = propertyId,
            Item = item,
            UnitType = unitType,
            LastChangedAt = Stored(now),
        };
    }

    /// <summary>
    /// Sets the rate from <paramref name="effectiveFrom"/> on, superseding the rate before it from that day,
    /// and raises <see cref="FeeRateSet"/>. A second rate for a day that already has one is refused: a rate
    /// in force is never silently replaced.
    /// </summary>
    public FeeRate SetRate(decimal rate, DateOnly effectiveFrom, Actor by, DateTimeOffset now)
    {
        if (RateProblem(rate) is { } problem)
        {
            throw new DomainRuleException(problem);
        }
        if (_rates.Any(r => r.EffectiveFrom == effectiveFrom))
        {
            throw new DomainRuleException($"A rate effective from {effectiveFrom:yyyy-MM-dd} is already set; set a new rate from a later date.");
        }

        var feeRate = new FeeRate(Guid.CreateVersion7(now), Id, rate, effectiveFrom, Stored(now), by);
        _rates.Add(feeRate);
        LastChangedAt = Stored(now);
        Raise(new FeeRateSet(Guid.CreateVersion7(now), now, PropertyId, Id, Item, UnitType, rate, effectiveFrom));
        return feeRate;
    }

    /// <summary>The rate in effect on <paramref name="day"/>: the latest one effective on or before it, if any.</summary>
    public FeeRate? RateOn(DateOnly day) =>
        _rates.Where(r => r.EffectiveFrom <= day).MaxBy(r => r.EffectiveFrom);

    /// <summary>As PostgreSQL reads it back: in UTC and to the microsecond.</summary>
    private static DateTimeOffset Stored(DateTimeOffset time) => StoredTime.Of(time.ToUniversalTime());

    public static FeeBasis BasisOf(FeeItem item) => item switch
    {
        FeeItem.PropertyService => FeeBasis.PerSquareMetrePerMonth,
        FeeItem.Parking => FeeBasis.PerSpacePerMonth,
        FeeItem.Water => FeeBasis.PerCubicMetre,
        FeeItem.Electricity => FeeBasis.PerKilowattHour,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "Unknown fee item."),
    };

    /// <summary>The property-service fee is set per unit type (parking spaces pay the parking fee instead); other items are not.</summary>
    public static string? UnitTypeProblem(FeeItem item, UnitType? unitType) => (item, unitType) switch
    {
        (FeeItem.PropertyService, null) => "The property-service fee is set per unit type: name the unit type.",
        (FeeItem.PropertyService, Contracts.Directory.UnitType.ParkingSpace) =>
            "Parking spaces are charged the parking fee per space, not the property-service fee.",
        (FeeItem.PropertyService, _) => null,
        (_, null) => null,
        _ => "Only the property-service fee is set per unit type; leave the unit type out.",
    };

    public static string? RateProblem(decimal rate)
    {
        if (rate < 0)
        {
            return "A rate cannot be negative.";
        }
        if (rate > MaxRate)
        {
            return $"A rate cannot exceed {MaxRate}.";
        }
        return Math.Round(rate, RateDecimals) != rate ? $"A rate has at most {RateDecimals} decimal places." : null;
    }
}

/// <summary>A rate of a fee schedule and the day it takes effect.</summary>
public sealed class FeeRate
{
    public FeeRate(Guid id, Guid feeScheduleId, decimal rate, DateOnly effectiveFrom, DateTimeOffset setAt, Actor setBy)
    {
        Id = id;
        FeeScheduleId = feeScheduleId;
        Rate = rate;
        EffectiveFrom = effectiveFrom;
        SetAt = setAt;
        SetById = setBy.PersonId;
        SetByName = setBy.Name;
    }

    // For EF Core, which sets the properties itself.
    private FeeRate()
    {
    }

    public Guid Id { get; private set; }

    public Guid FeeScheduleId { get; private set; }

    /// <summary>CNY per <see cref="FeeSchedule.Basis"/>, at most four decimals.</summary>
    public decimal Rate { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>Who set the rate, from their access token; null for rates set before sign-in was required.</summary>
    public Guid? SetById { get; private set; }

    public string? SetByName { get; private set; }
}
