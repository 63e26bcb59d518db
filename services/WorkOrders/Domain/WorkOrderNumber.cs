namespace PropertyPlatform.WorkOrders.Domain;

/// <summary>A work order's readable number: <c>WO-</c>, the property's local date, and the day's sequence.</summary>
public readonly record struct WorkOrderNumber(string Value)
{
    public static WorkOrderNumber For(DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new($"WO-{day:yyyyMMdd}-{sequence:0000}");
    }

    public override string ToString() => Value;
}
