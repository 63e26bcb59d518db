using PropertyPlatform.Billing.Domain;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Aging buckets and the collection rate, rule by rule.</summary>
public sealed class ArrearsTests
{
    private static readonly DateOnly AsOf = new(2027, 3, 1);

    private static readonly Guid BuildingA = Guid.NewGuid();

    [Theory]
    [InlineData(0, AgingBucket.Days0To30)]
    [InlineData(30, AgingBucket.Days0To30)]
    [InlineData(31, AgingBucket.Days31To90)]
    [InlineData(90, AgingBucket.Days31To90)]
    [InlineData(91, AgingBucket.Days91To180)]
    [InlineData(180, AgingBucket.Days91To180)]
    [InlineData(181, AgingBucket.Over180Days)]
    [InlineData(4000, AgingBucket.Over180Days)]
    public void Days_overdue_fall_in_their_bucket_edges_included_below(int days, AgingBucket bucket) =>
        Arrears.BucketOf(days).ShouldBe(bucket);

    [Fact]
    public void Not_due_yet_is_no_bucket() => Should.Throw<ArgumentOutOfRangeException>(() => Arrears.BucketOf(-1));

    [Fact]
    public void Open_amounts_are_aged_by_unit_and_summed_by_building_and_lines_not_due_are_left_out()
    {
        var u1201 = Guid.NewGuid();
        var u1202 = Guid.NewGuid();
        OverdueAmount[] amounts =
        [
            new(u1201, BuildingA, "A座", "1201", AsOf, 100m), // due today: 0 days
            new(u1201, BuildingA, "A座", "1201", AsOf.AddDays(-45), 200m),
            new(u1202, BuildingA, "A座", "1202", AsOf.AddDays(-200), 300m),
            new(u1202, BuildingA, "A座", "1202", AsOf.AddDays(-100), 0.01m),
            new(u1202, BuildingA, "A座", "1202", AsOf.AddDays(1), 999m), // not due yet
        ];

        var building = Arrears.Age(amounts, AsOf).ShouldHaveSingleItem();

        building.Aging.ShouldBe(new AgingTotals(100m, 200m, 0.01m, 300m));
        building.Aging.Total.ShouldBe(600.01m);
        building.Units.Select(u => (u.UnitNumber, u.Aging.Total, u.OldestDueDate))
            .ShouldBe([("1201", 300m, AsOf.AddDays(-45)), ("1202", 300.01m, AsOf.AddDays(-200))]);
    }

    [Fact]
    public void Buildings_are_reported_apart()
    {
        OverdueAmount[] amounts =
        [
            new(Guid.NewGuid(), Guid.NewGuid(), "B座", "0801", AsOf, 10m),
            new(Guid.NewGuid(), BuildingA, "A座", "1201", AsOf, 20m),
        ];

        Arrears.Age(amounts, AsOf).Select(b => (b.BuildingName, b.Aging.Total)).ShouldBe([("A座", 20m), ("B座", 10m)]);
    }

    [Theory]
    [InlineData("1000", "953.2", "0.9532")]
    [InlineData("3", "1", "0.3333")]
    [InlineData("3", "2", "0.6667")]
    [InlineData("800", "0", "0")]
    [InlineData("500", "500", "1")]
    public void The_collection_rate_is_paid_over_billed_to_four_decimals(string billed, string collected, string rate) =>
        Arrears.CollectionRate(D(billed), D(collected)).ShouldBe(D(rate));

    [Fact]
    public void A_period_that_billed_nothing_has_no_collection_rate() => Arrears.CollectionRate(0m, 0m).ShouldBeNull();

    private static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
