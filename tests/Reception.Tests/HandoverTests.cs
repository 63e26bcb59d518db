using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The rules of a shift handover (交接班), one by one.</summary>
public sealed class HandoverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 13, 0, 0, TimeSpan.Zero);
    private static readonly Guid Property = Guid.NewGuid();
    private static readonly Actor DayShift = new(Guid.NewGuid(), "白班小李");
    private static readonly Actor NightShift = new(Guid.NewGuid(), "夜班小王");

    [Fact]
    public void A_handover_lists_the_open_items_by_kind_and_counts_the_overdue_ones()
    {
        var handover = Generate();

        handover.Items.Select(i => i.Kind).ShouldBe([HandoverItemKind.Enquiry, HandoverItemKind.WalkIn, HandoverItemKind.Key, HandoverItemKind.Key]);
        handover.Items.Select(i => i.Sequence).ShouldBe([1, 2, 3, 4]);
        handover.Items[2].Summary.ShouldBe("A座 0801 大门钥匙 — 张工");
        handover.Notes.ShouldBe("空调报修已转工程部");
        handover.HandedOverByName.ShouldBe("白班小李");
        var handedOver = handover.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<ShiftHandedOver>();
        handedOver.ItemCount.ShouldBe(4);
        handedOver.OverdueCount.ShouldBe(1);
    }

    [Fact]
    public void A_quiet_shift_hands_over_an_empty_list() =>
        Handover.Generate(Property, Now.AddHours(-8), DayShift, " ", [], Now).Items.ShouldBeEmpty();

    [Fact]
    public void A_long_summary_is_shortened()
    {
        var handover = Handover.Generate(Property, Now.AddHours(-8), DayShift, null,
            [new OpenItem(HandoverItemKind.Enquiry, Guid.NewGuid(), new string('问', 400), Now, false)], Now);

        handover.Items[0].Summary.Length.ShouldBe(Handover.SummaryMaxLength);
    }

    [Fact]
    public void The_incoming_shift_acknowledges_with_its_notes()
    {
        var handover = Generate();

        handover.Acknowledge(NightShift, " 已清点钥匙 ", Now.AddMinutes(5));

        handover.AcknowledgedByName.ShouldBe("夜班小王");
        handover.AcknowledgedAt.ShouldBe(Now.AddMinutes(5));
        handover.AcknowledgementNotes.ShouldBe("已清点钥匙");
        handover.PendingEvents.OfType<HandoverAcknowledged>().ShouldHaveSingleItem();
    }

    [Fact]
    public void The_outgoing_person_cannot_acknowledge_their_own_handover() =>
        Should.Throw<DomainRuleException>(() => Generate().Acknowledge(DayShift, null, Now)).Message.ShouldContain("incoming shift");

    [Fact]
    public void A_handover_is_acknowledged_once()
    {
        var handover = Generate();
        handover.Acknowledge(NightShift, null, Now);

        Should.Throw<DomainRuleException>(() => handover.Acknowledge(new Actor(Guid.NewGuid(), "夜班小赵"), null, Now))
            .Message.ShouldContain("already acknowledged");
    }

    private static Handover Generate() => Handover.Generate(Property, Now.AddHours(-8), DayShift, " 空调报修已转工程部 ",
    [
        new OpenItem(HandoverItemKind.Key, Guid.NewGuid(), "A座 0802 后门钥匙 — 李工", Now.AddHours(-2), true),
        new OpenItem(HandoverItemKind.Enquiry, Guid.NewGuid(), "王先生: 月租车位还有吗？", Now.AddHours(-3), false),
        new OpenItem(HandoverItemKind.Key, Guid.NewGuid(), "A座 0801 大门钥匙 — 张工", Now.AddHours(-4), false),
        new OpenItem(HandoverItemKind.WalkIn, Guid.NewGuid(), "王五 → A座 1201", Now.AddMinutes(-5), false),
    ], Now);
}
