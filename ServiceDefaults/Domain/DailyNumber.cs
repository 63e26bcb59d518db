namespace PropertyPlatform.ServiceDefaults.Domain;

/// <summary>
/// A readable number per property and day, as the centre writes them on forms: a prefix, the property's local
/// date and the day's sequence, e.g. <c>WO-20261122-0007</c> or <c>CP-20261122-0001</c>.
/// </summary>
public readonly record struct DailyNumber(string Value)
{
    public static DailyNumber For(string prefix, DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new($"{prefix}-{day:yyyyMMdd}-{sequence:0000}");
    }

    public override string ToString() => Value;
}
