using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>Quiet hours and channel choices, rule by rule; times are in China (UTC+8).</summary>
public sealed class PreferenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Someone_who_never_chose_gets_email_for_everything_and_no_sms()
    {
        var preference = Preference.Default(Guid.NewGuid());

        Enum.GetValues<Category>().ShouldAllBe(c => preference.Wants(Channel.Email, c) && !preference.Wants(Channel.Sms, c));
        preference.QuietUntilAfter(Now, escalation: false).ShouldBeNull();
    }

    [Fact]
    public void A_message_at_midnight_in_quiet_hours_from_22_to_7_waits_until_7_that_morning()
    {
        var preference = Quiet(new TimeOnly(22, 0), new TimeOnly(7, 0));

        preference.QuietUntilAfter(Now, escalation: false).ShouldBe(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_message_at_23_in_quiet_hours_from_22_to_7_waits_until_7_the_next_morning()
    {
        var preference = Quiet(new TimeOnly(22, 0), new TimeOnly(7, 0));

        preference.QuietUntilAfter(Now.AddHours(-1), escalation: false).ShouldBe(new DateTimeOffset(2026, 12, 6, 7, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void An_escalation_ignores_quiet_hours()
    {
        Quiet(new TimeOnly(22, 0), new TimeOnly(7, 0)).QuietUntilAfter(Now, escalation: true).ShouldBeNull();
    }

    [Fact]
    public void Outside_quiet_hours_a_message_goes_out_at_once()
    {
        Quiet(new TimeOnly(22, 0), new TimeOnly(7, 0)).QuietUntilAfter(Now.AddHours(12), escalation: false).ShouldBeNull();
    }

    [Fact]
    public void Quiet_hours_need_a_start_and_a_different_end_and_a_known_time_zone()
    {
        var preference = Preference.Default(Guid.NewGuid());

        Should.Throw<DomainRuleException>(() => preference.Change(Language.ZhCn, [], [], new TimeOnly(22, 0), null, null, Now));
        Should.Throw<DomainRuleException>(() => preference.Change(Language.ZhCn, [], [], new TimeOnly(22, 0), new TimeOnly(22, 0), null, Now));
        Should.Throw<DomainRuleException>(() => preference.Change(Language.ZhCn, [], [], null, null, "Mars/Olympus", Now));
    }

    [Fact]
    public void A_failed_delivery_is_retried_with_growing_pauses_and_given_up_after_its_last_attempt()
    {
        var delivery = Delivery.Create(
            Guid.NewGuid(), "WorkOrderDispatched", Recipient.Person(Guid.NewGuid(), Guid.NewGuid()), Channel.Email, "z***@example.com",
            Language.ZhCn, "标题", "正文", escalation: false, Now);

        delivery.RecordFailure("connection refused", Now);
        delivery.DueAt.ShouldBe(Now + Delivery.FirstRetryDelay);
        delivery.RecordFailure("connection refused", Now);
        delivery.DueAt.ShouldBe(Now + (Delivery.FirstRetryDelay * 2));
        for (var attempt = 3; attempt <= Delivery.MaxAttempts; attempt++)
        {
            delivery.RecordFailure("connection refused", Now);
        }

        delivery.Status.ShouldBe(DeliveryStatus.Failed);
        delivery.Reason.ShouldBe("connection refused");
        delivery.Replay(Now);
        delivery.IsDue(Now).ShouldBeTrue();
    }

    private static Preference Quiet(TimeOnly from, TimeOnly until)
    {
        var preference = Preference.Default(Guid.NewGuid());
        preference.Change(Language.ZhCn, [Category.Repairs], [], from, until, "Asia/Shanghai", Now);
        return preference;
    }
}
