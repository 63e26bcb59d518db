using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Reception.Tests;

public sealed class PassCodeTests
{
    [Fact]
    public void New_codes_are_eight_digits_and_vary()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => PassCode.New().Value).ToList();

        codes.ShouldAllBe(c => PassCode.IsWellFormed(c));
        // 200 draws from 10^8 codes: a repeat would point at a broken random source.
        codes.Distinct().Count().ShouldBe(200);
    }

    [Theory]
    [InlineData("00000000", true)]
    [InlineData("12345678", true)]
    [InlineData("1234567", false)]
    [InlineData("123456789", false)]
    [InlineData("1234567A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_pass_code_is_exactly_eight_digits(string? code, bool wellFormed) =>
        PassCode.IsWellFormed(code).ShouldBe(wellFormed);

    [Fact]
    public void A_local_day_in_china_starts_at_four_pm_utc_the_day_before()
    {
        var calendar = PropertyCalendar.ChinaStandardTime;

        var (start, end) = calendar.DayBounds(new DateOnly(2026, 11, 22));

        start.ShouldBe(new DateTimeOffset(2026, 11, 21, 16, 0, 0, TimeSpan.Zero));
        end.ShouldBe(new DateTimeOffset(2026, 11, 22, 16, 0, 0, TimeSpan.Zero));
        start.Offset.ShouldBe(TimeSpan.Zero);
    }
}
