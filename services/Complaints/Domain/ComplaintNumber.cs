namespace PropertyPlatform.Complaints.Domain;

/// <summary>A complaint's readable number: <c>CP-</c>, the property's local date, and the day's sequence.</summary>
public readonly record struct ComplaintNumber(string Value)
{
    public static ComplaintNumber For(DateOnly day, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return new($"CP-{day:yyyyMMdd}-{sequence:0000}");
    }

    public override string ToString() => Value;
}
