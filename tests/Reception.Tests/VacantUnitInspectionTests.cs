using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Inspections of vacant units (空置房巡查), rule by rule; days are the property's (China Standard Time).</summary>
public sealed class VacantUnitInspectionTests
{
    private static readonly PropertyCalendar Calendar = PropertyCalendar.ChinaStandardTime;

    // 16:00 local time on 20 November.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 16, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Actor Guard = new(Guid.NewGuid(), "保安赵勇");

    private static readonly UnitCopy Unit0801 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "B座", "0801", 8, UnitType.Office, 80m));

    private static readonly UnitCopy Unit0802 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Unit0801.PropertyId, Unit0801.BuildingId, Guid.NewGuid(), "B座", "0802", 8, UnitType.Office, 80m));

    [Fact]
    public void A_weekly_inspection_records_its_area_and_findings_and_a_finding_to_repair_asks_for_a_work_order()
    {
        var inspection = VacantUnitInspection.Record(
            Unit0801.PropertyId, InspectionKind.WeeklyArea, " B座 8层 ", Today.AddDays(-2), "门窗完好",
            [(Unit0801, "卫生间水管渗水", WorkOrderCategory.Plumbing, WorkOrderPriority.High), (Unit0802, "地面灰尘较多", null, null)],
            Guard, Now, Calendar);

        inspection.Area.ShouldBe("B座 8层");
        inspection.InspectorName.ShouldBe("保安赵勇");
        inspection.Findings.Select(f => (f.UnitNumber, f.WorkOrderRequested)).ShouldBe([("0801", true), ("0802", false)]);
        var request = inspection.PendingEvents.OfType<InspectionWorkOrderRequested>().ShouldHaveSingleItem();
        (request.UnitId, request.Category, request.Priority, request.RequestedByName).ShouldBe(
            (Unit0801.Id, WorkOrderCategory.Plumbing, WorkOrderPriority.High, "保安赵勇"));
        request.Description.ShouldBe("空置房巡查 B座 0801：卫生间水管渗水");
        var inspected = inspection.PendingEvents.OfType<VacantUnitsInspected>().ShouldHaveSingleItem();
        (inspected.Full, inspected.FindingCount, inspected.WorkOrderCount).ShouldBe((false, 2, 1));
    }

    [Fact]
    public void A_weekly_inspection_names_its_area()
    {
        Should.Throw<DomainRuleException>(() => VacantUnitInspection.Record(
            Unit0801.PropertyId, InspectionKind.WeeklyArea, " ", Today, null, [], Guard, Now, Calendar)).Message.ShouldContain("area");
    }

    [Fact]
    public void The_full_inspection_is_done_on_the_20th_and_covers_every_area()
    {
        var full = VacantUnitInspection.Record(Unit0801.PropertyId, InspectionKind.Full, "ignored", Today, null, [], Guard, Now, Calendar);
        full.Area.ShouldBeNull();
        full.PendingEvents.OfType<VacantUnitsInspected>().Single().Full.ShouldBeTrue();

        VacantUnitInspection.Problem(InspectionKind.Full, null, Today.AddDays(-1), Today)!.ShouldContain("20th");
        Should.Throw<DomainRuleException>(() => VacantUnitInspection.Record(
            Unit0801.PropertyId, InspectionKind.Full, null, Today.AddDays(-1), null, [], Guard, Now, Calendar));
    }

    [Fact]
    public void An_inspection_is_recorded_after_it_was_done_and_only_about_units_of_its_property()
    {
        VacantUnitInspection.Problem(InspectionKind.WeeklyArea, "B座", Today.AddDays(1), Today)!.ShouldContain("in advance");
        var elsewhere = UnitCopy.From(new UnitRegistered(
            Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "C座", "0101", 1, UnitType.Office, 80m));
        Should.Throw<DomainRuleException>(() => VacantUnitInspection.Record(
            Unit0801.PropertyId, InspectionKind.WeeklyArea, "B座", Today, null, [(elsewhere, "门未锁", null, null)], Guard, Now, Calendar));
        Should.Throw<DomainRuleException>(() => VacantUnitInspection.Record(
            Unit0801.PropertyId, InspectionKind.WeeklyArea, "B座", Today, null, [(Unit0801, " ", null, null)], Guard, Now, Calendar));
    }
}
