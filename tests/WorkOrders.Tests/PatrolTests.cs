using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>The rules of patrol routes and records, in the entities.</summary>
public sealed class PatrolTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 21, 0, 0, TimeSpan.FromHours(8));

    private static readonly Actor Guard = new(Guid.NewGuid(), "秩序维护员张强");

    private static readonly Guid Property = Guid.NewGuid();

    private static readonly UnitCopy Unit1201 = Unit(Property, "1201");

    private static PatrolRoute Route(bool active = true) =>
        PatrolRoute.Create(Property, "A座夜间巡查", "A座 1-12层", ["消防通道畅通", "公共照明正常", "门窗关闭"], active, Now);

    private static PatrolAnswer Pass(int item) => new(item, true);

    [Fact]
    public void A_new_route_starts_with_checklist_version_1_and_a_changed_checklist_makes_the_next_version()
    {
        var route = Route();
        route.ChecklistVersion.ShouldBe(1);
        route.Checklist.ShouldBe(["消防通道畅通", "公共照明正常", "门窗关闭"]);

        route.Change("A座夜巡", " A座 ", ["消防通道畅通", "公共照明正常", "门窗关闭"], active: true, Now);
        route.ChecklistVersion.ShouldBe(1, "a new name or area is not a new checklist");
        route.Area.ShouldBe("A座");

        route.Change("A座夜巡", "A座", ["消防通道畅通", "门窗关闭", "公共照明正常"], active: true, Now);
        route.ChecklistVersion.ShouldBe(2, "the order of the items is part of the checklist");
    }

    [Theory]
    [InlineData("")]
    [InlineData("消防通道畅通| ")]
    [InlineData("消防通道畅通|消防通道畅通")]
    public void A_checklist_has_items_each_named_once(string items)
    {
        var checklist = items.Length == 0 ? [] : items.Split('|');
        Should.Throw<DomainRuleException>(() => PatrolRoute.Create(Property, "A座", "A座", checklist, true, Now));
    }

    [Fact]
    public void A_record_answering_every_item_keeps_the_checklist_text_it_answered()
    {
        var route = Route();

        var record = PatrolRecord.Make(route, 1, Now.AddMinutes(-30), [Pass(3), Pass(1), Pass(2)], Guard, Now);
        route.Change(route.Name, route.Area, ["消防通道畅通"], true, Now);

        record.Items.Select(i => i.Text).ShouldBe(["消防通道畅通", "公共照明正常", "门窗关闭"]);
        record.ChecklistVersion.ShouldBe(1);
        record.PatrollerId.ShouldBe(Guard.PersonId);
        record.PropertyId.ShouldBe(Property);
        record.ItemsAwaitingOrders().ShouldBeEmpty();
    }

    [Fact]
    public void A_record_must_answer_every_item_once_and_no_other()
    {
        var route = Route();

        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now, [Pass(1), Pass(2)], Guard, Now))
            .Message.ShouldContain("item 3");
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now, [Pass(1), Pass(2), Pass(2), Pass(3)], Guard, Now))
            .Message.ShouldContain("item 2");
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now, [Pass(1), Pass(2), Pass(3), Pass(4)], Guard, Now))
            .Message.ShouldContain("item 4");
    }

    [Fact]
    public void A_failed_item_needs_a_note()
    {
        var failedWithoutNote = new PatrolAnswer(2, false, " ", Unit1201, null, WorkOrderCategory.Electrical, WorkOrderPriority.High);

        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(Route(), 1, Now, [Pass(1), failedWithoutNote, Pass(3)], Guard, Now));
    }

    [Fact]
    public void A_failed_item_at_a_unit_gives_its_orders_category_and_priority_and_one_elsewhere_names_its_location()
    {
        var route = Route();

        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now,
            [Pass(1), new PatrolAnswer(2, false, "灯不亮", Unit1201), Pass(3)], Guard, Now));
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now,
            [Pass(1), new PatrolAnswer(2, false, "灯不亮"), Pass(3)], Guard, Now));
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now,
            [Pass(1), new PatrolAnswer(2, false, "灯不亮", Unit(Guid.NewGuid(), "0101"), null, WorkOrderCategory.Electrical, WorkOrderPriority.High), Pass(3)],
            Guard, Now)).Message.ShouldContain("another property");
    }

    [Fact]
    public void An_inactive_route_takes_no_records()
    {
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(Route(active: false), 1, Now, [Pass(1), Pass(2), Pass(3)], Guard, Now))
            .Message.ShouldContain("inactive");
    }

    [Fact]
    public void A_record_answers_the_current_checklist_and_is_not_made_ahead_of_time()
    {
        var route = Route();
        route.Change(route.Name, route.Area, ["消防通道畅通", "公共照明正常"], true, Now);

        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 1, Now, [Pass(1), Pass(2)], Guard, Now)).Message.ShouldContain("version 2");
        Should.Throw<DomainRuleException>(() => PatrolRecord.Make(route, 2, Now.AddHours(1), [Pass(1), Pass(2)], Guard, Now));
        PatrolRecord.Make(route, 2, Now.AddMinutes(2), [Pass(1), Pass(2)], Guard, Now).Items.Count.ShouldBe(2);
    }

    [Fact]
    public void A_failure_at_a_unit_awaits_its_patrol_order_and_one_in_a_common_area_does_not()
    {
        var record = PatrolRecord.Make(Route(), 1, Now, [
            Pass(1),
            new PatrolAnswer(2, false, "走廊灯不亮", Unit1201, "1201门口", WorkOrderCategory.Electrical, WorkOrderPriority.High),
            new PatrolAnswer(3, false, "大堂侧门未锁", Location: "大堂侧门"),
        ], Guard, Now);

        var item = record.ItemsAwaitingOrders().ShouldHaveSingleItem();
        item.Item.ShouldBe(2);
        var intake = record.OrderIntakeFor(item);
        intake.Channel.ShouldBe(IntakeChannel.Patrol);
        intake.Category.ShouldBe(WorkOrderCategory.Electrical);
        intake.Priority.ShouldBe(WorkOrderPriority.High);
        intake.Location.ShouldBe("1201门口");
        intake.PatrolRecordId.ShouldBe(record.Id);
        intake.Description.ShouldContain("走廊灯不亮");
        intake.Description.ShouldContain("公共照明正常");

        var order = WorkOrder.Submit(Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 24), 3), intake,
            TimeLimit.DefaultFor(WorkOrderPriority.High), Guard, Now);
        record.Link(item, order);

        order.PatrolRecordId.ShouldBe(record.Id);
        order.TakenById.ShouldBe(Guard.PersonId);
        record.Items[1].WorkOrderNumber.ShouldBe("WO-20261124-0003");
        record.Items[2].WorkOrderId.ShouldBeNull();
        record.ItemsAwaitingOrders().ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => record.Link(item, order));
    }

    private static UnitCopy Unit(Guid propertyId, string number) => UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, propertyId, Guid.NewGuid(), Guid.NewGuid(), "A座", number, 12, UnitType.Office, 120.5m));
}
