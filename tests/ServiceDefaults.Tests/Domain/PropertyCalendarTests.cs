using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.ServiceDefaults.Tests.Domain;

public sealed class PropertyCalendarTests
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    [Fact]
    public void Late_evening_in_UTC_is_already_the_next_day_at_the_property() =>
        Calendar.DayOf(new DateTimeOffset(2026, 11, 21, 16, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 11, 22));

    [Fact]
    public void A_local_day_runs_from_local_midnight_to_the_next()
    {
        var (start, end) = Calendar.DayBounds(new DateOnly(2026, 11, 22));

        start.ShouldBe(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero));
        end.ShouldBe(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("WO", 7, "WO-20261122-0007")]
    [InlineData("CP", 1, "CP-20261122-0001")]
    public void Daily_numbers_carry_the_prefix_the_local_day_and_the_sequence(string prefix, int sequence, string expected) =>
        DailyNumber.For(prefix, new DateOnly(2026, 11, 22), sequence).Value.ShouldBe(expected);
}
