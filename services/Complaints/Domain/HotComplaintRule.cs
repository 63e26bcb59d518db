namespace PropertyPlatform.Complaints.Domain;

/// <summary>
/// When similar complaints make a hot one (热点投诉): at least <see cref="Count"/> open complaints of the same category about
/// the same place (the same building, or the same location for complaints without a unit) received within
/// <see cref="Window"/>. Set in configuration (<c>Complaints:Hot:Count</c>, <c>Complaints:Hot:Window</c>).
/// </summary>
public sealed record HotComplaintRule(int Count, TimeSpan Window)
{
    public static readonly HotComplaintRule Default = new(3, TimeSpan.FromDays(7));

    /// <summary>Whether <paramref name="similar"/> complaints, the new one included, are enough to propose them as hot.</summary>
    public bool Reached(int similar) => similar >= Count;

    /// <summary>The place two complaints without a unit share when their locations read the same.</summary>
    public static string? PlaceOf(string? location) => string.IsNullOrWhiteSpace(location) ? null : location.Trim().ToLowerInvariant();
}
