using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.WorkOrders.Domain;

namespace PropertyPlatform.WorkOrders.Tests;

public sealed class WorkOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Actor FrontDesk = new(Guid.NewGuid(), "王前台");

    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    [Fact]
    public void A_submitted_order_belongs_to_the_units_property_and_waits_for_dispatch()
    {
        var order = WorkOrder.Submit(Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 7), Intake(), TimeLimit.DefaultFor(WorkOrderPriority.High), FrontDesk, Now);

        order.PropertyId.ShouldBe(Unit1201.PropertyId);
        order.UnitId.ShouldBe(Unit1201.Id);
        order.Number.ShouldBe("WO-20261122-0007");
        order.Status.ShouldBe(WorkOrderStatus.Submitted);
        order.SubmittedAt.ShouldBe(Now);
    }

    [Fact]
    public void Submitting_raises_one_WorkOrderSubmitted_with_what_the_front_desk_needs()
    {
        var order = WorkOrder.Submit(Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 1), Intake(), TimeLimit.DefaultFor(WorkOrderPriority.High), FrontDesk, Now);

        var submitted = order.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderSubmitted>();
        submitted.WorkOrderId.ShouldBe(order.Id);
        submitted.PropertyId.ShouldBe(Unit1201.PropertyId);
        submitted.Number.ShouldBe("WO-20261122-0001");
        submitted.UnitNumber.ShouldBe("1201");
        submitted.Priority.ShouldBe(WorkOrderPriority.High);
        submitted.Description.ShouldBe("卫生间漏水");
        submitted.OccurredAt.ShouldBe(Now);
        submitted.EventId.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public void Free_text_is_stored_without_surrounding_whitespace()
    {
        var order = WorkOrder.Submit(Unit1201, DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 1),
            Intake() with { Description = "  卫生间漏水 \n", Location = " 卫生间 " }, TimeLimit.DefaultFor(WorkOrderPriority.High), FrontDesk, Now);

        order.Description.ShouldBe("卫生间漏水");
        order.Location.ShouldBe("卫生间");
    }

    [Theory]
    [InlineData(1, "WO-20261122-0001")]
    [InlineData(42, "WO-20261122-0042")]
    [InlineData(9999, "WO-20261122-9999")]
    [InlineData(10000, "WO-20261122-10000")]
    public void Numbers_carry_the_day_and_a_zero_padded_sequence(int sequence, string expected) =>
        DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), sequence).Value.ShouldBe(expected);

    [Fact]
    public void A_number_sequence_starts_at_one() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DailyNumber.For(WorkOrder.NumberPrefix, new DateOnly(2026, 11, 22), 0));

    private static WorkOrderIntake Intake() =>
        new(WorkOrderCategory.Plumbing, WorkOrderPriority.High, IntakeChannel.Phone, "卫生间漏水", ContactPhone: "13800138000");
}
