using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Domain;

public enum MeterReadingStatus
{
    /// <summary>Billed by the next run of its month.</summary>
    Accepted,
    /// <summary>An implausible jump: billed only once someone confirms it.</summary>
    Flagged,
    /// <summary>A flagged reading someone checked and confirmed.</summary>
    Confirmed,
}

/// <summary>
/// A meter's reading (抄表) for a unit: usage is this reading less the meter's previous one. A reading below the previous
/// one (or above a later one) is refused; a usage more than <see cref="JumpFactor"/> times the meter's recent average is
/// flagged and billed only once confirmed. A meter's first reading is its baseline: no usage, nothing billed.
/// </summary>
public sealed class MeterReading
{
    public const int MeterMaxLength = 32;

    /// <summary>How many times the recent average a usage may be before it is flagged.</summary>
    public const decimal JumpFactor = 3m;

    /// <summary>How many earlier usages make the recent average.</summary>
    public const int AverageOf = 3;

    public const decimal MaxValue = 9_999_999_999.99m;

    private MeterReading()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public Guid UnitId { get; private set; }

    public string BuildingName { get; private set; } = "";

    public string UnitNumber { get; private set; } = "";

    /// <summary><see cref="FeeItem.Water"/> or <see cref="FeeItem.Electricity"/>.</summary>
    public FeeItem Item { get; private set; }

    /// <summary>The meter's number; a unit may have several meters of one kind.</summary>
    public string Meter { get; private set; } = "";

    public DateOnly ReadOn { get; private set; }

    /// <summary>The month the usage is billed in: the month of <see cref="ReadOn"/>.</summary>
    public string Period { get; private set; } = "";

    public decimal Value { get; private set; }

    public decimal? Previous { get; private set; }

    /// <summary>Value − previous; null for a meter's first reading.</summary>
    public decimal? Usage { get; private set; }

    public MeterReadingStatus Status { get; private set; }

    public string? FlagReason { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public Guid ReadById { get; private set; }

    public string ReadByName { get; private set; } = "";

    public Guid? ConfirmedById { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    /// <summary>Whether the usage is to be billed: there is one and nobody needs to check it first.</summary>
    public bool Billable => Usage > 0 && Status != MeterReadingStatus.Flagged;

    public static string? ItemProblem(FeeItem item) =>
        item is FeeItem.Water or FeeItem.Electricity ? null : "Meters are read for water or electricity.";

    /// <summary>
    /// Records a reading. <paramref name="earlier"/> are the same meter's readings before <paramref name="readOn"/>,
    /// <paramref name="later"/> the first one after it, if any.
    /// </summary>
    public static MeterReading Record(
        UnitCopy unit, FeeItem item, string meter, DateOnly readOn, decimal value, IEnumerable<MeterReading> earlier, MeterReading? later,
        Actor by, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        if (ItemProblem(item) is { } itemProblem)
        {
            throw new DomainRuleException(itemProblem);
        }
        if (value < 0 || value > MaxValue || Math.Round(value, 2) != value)
        {
            throw new DomainRuleException("A reading is a number of zero or more with at most two decimals.");
        }
        var before = earlier.OrderByDescending(r => r.ReadOn).ToList();
        if (before.FirstOrDefault() is { } previous && value < previous.Value)
        {
            throw new DomainRuleException(
                $"The reading {value} is below the meter's previous one ({previous.Value} on {previous.ReadOn:yyyy-MM-dd}): check it, or record a meter change.");
        }
        if (later is not null && value > later.Value)
        {
            throw new DomainRuleException($"The reading {value} is above the meter's later one ({later.Value} on {later.ReadOn:yyyy-MM-dd}).");
        }

        var usage = before.Count == 0 ? (decimal?)null : value - before[0].Value;
        var flag = usage is { } u ? JumpProblem(u, before.Select(r => r.Usage).OfType<decimal>().Take(AverageOf).ToList()) : null;
        return new MeterReading
        {
            Id = Guid.CreateVersion7(now), PropertyId = unit.PropertyId, UnitId = unit.Id, BuildingName = unit.BuildingName, UnitNumber = unit.Number,
            Item = item, Meter = meter, ReadOn = readOn, Period = BillingPeriod.Of(readOn).ToString(), Value = value, Previous = before.FirstOrDefault()?.Value,
            Usage = usage, Status = flag is null ? MeterReadingStatus.Accepted : MeterReadingStatus.Flagged, FlagReason = flag, ReadAt = now,
            ReadById = by.PersonId, ReadByName = Deposit.Shorten(by.Name, Actor.NameMaxLength),
        };
    }

    /// <summary>Why a usage looks implausible next to the meter's recent usages (newest first), or null.</summary>
    public static string? JumpProblem(decimal usage, IReadOnlyList<decimal> recentUsages)
    {
        if (recentUsages.Count == 0)
        {
            return null;
        }
        var average = recentUsages.Average();
        return average > 0 && usage > average * JumpFactor
            ? $"The usage {usage} is more than {JumpFactor} times the recent average ({Money.RoundToFen(average)}): confirm it before it is billed."
            : null;
    }

    /// <summary>Confirms a flagged reading after checking it: it is billed from now on.</summary>
    public void Confirm(Actor by, DateTimeOffset now)
    {
        if (Status != MeterReadingStatus.Flagged)
        {
            throw new DomainRuleException("Only a flagged reading needs confirming.");
        }
        Status = MeterReadingStatus.Confirmed;
        ConfirmedById = by.PersonId;
        ConfirmedByName = Deposit.Shorten(by.Name, Actor.NameMaxLength);
        ConfirmedAt = StoredTime.Of(now);
    }
}
