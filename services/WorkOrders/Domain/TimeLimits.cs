using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>How long an order of one priority may take to be accepted (response) and to be completed (resolution).</summary>
public sealed record TimeLimit(TimeSpan Response, TimeSpan Resolution)
{
    /// <summary>An order is flagged as approaching its limit once this share of it has passed.</summary>
    public const double WarningShare = 0.8;

    /// <summary>The centre's defaults (DOMAIN.md): emergency 15 min / 4 h, high 1 h / 24 h, normal 4 h / 72 h, low 24 h / 7 days.</summary>
    public static TimeLimit DefaultFor(WorkOrderPriority priority) => priority switch
    {
        WorkOrderPriority.Emergency => new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4)),
        WorkOrderPriority.High => new(TimeSpan.FromHours(1), TimeSpan.FromHours(24)),
        WorkOrderPriority.Normal => new(TimeSpan.FromHours(4), TimeSpan.FromHours(72)),
        WorkOrderPriority.Low => new(TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, null),
    };
}

/// <summary>A property's own time limit for one priority, replacing the default.</summary>
public sealed class PropertyTimeLimit
{
    public static readonly TimeSpan Longest = TimeSpan.FromDays(90);

    private PropertyTimeLimit()
    {
    }

    public Guid PropertyId { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    public int ResponseMinutes { get; private set; }

    public int ResolutionMinutes { get; private set; }

    public TimeLimit Limit => new(TimeSpan.FromMinutes(ResponseMinutes), TimeSpan.FromMinutes(ResolutionMinutes));

    public static PropertyTimeLimit Set(Guid propertyId, WorkOrderPriority priority, TimeLimit limit)
    {
        var set = new PropertyTimeLimit { PropertyId = propertyId, Priority = priority };
        set.Change(limit);
        return set;
    }

    public void Change(TimeLimit limit)
    {
        if (limit.Response <= TimeSpan.Zero || limit.Resolution <= TimeSpan.Zero || limit.Resolution > Longest)
        {
            throw new DomainRuleException($"Time limits must be positive and at most {Longest.TotalDays:0} days.");
        }
        if (limit.Resolution < limit.Response)
        {
            throw new DomainRuleException("The resolution limit cannot be shorter than the response limit.");
        }
        ResponseMinutes = (int)Math.Ceiling(limit.Response.TotalMinutes);
        ResolutionMinutes = (int)Math.Ceiling(limit.Resolution.TotalMinutes);
    }
}
