using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Tests;

public sealed class InboxEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Guid PropertyId = Guid.NewGuid();

    private static readonly MessageText Text = new("新报修单", "房号：1201", "New repair request", "Unit: 1201");

    private static InboxEntry Deliver(string link = "/api/workorders/work-orders/1", Guid? sourceEventId = null) =>
        InboxEntry.Deliver(Recipient.RoleAt(PropertyId, RecipientRole.Frontdesk), Text, link, sourceEventId ?? Guid.NewGuid(), Now);

    [Fact]
    public void A_delivered_message_is_unread_and_addressed_to_the_recipient()
    {
        var sourceEventId = Guid.NewGuid();

        var entry = Deliver(sourceEventId: sourceEventId);

        entry.Id.ShouldNotBe(Guid.Empty);
        entry.PropertyId.ShouldBe(PropertyId);
        entry.RecipientRole.ShouldBe(RecipientRole.Frontdesk);
        entry.RecipientPersonId.ShouldBeNull();
        entry.RecipientKey.ShouldBe($"role:frontdesk:{PropertyId}");
        entry.SourceEventId.ShouldBe(sourceEventId);
        entry.CreatedAt.ShouldBe(Now);
        entry.ReadAt.ShouldBeNull();
        entry.IsRead.ShouldBeFalse();
        entry.Escalation.ShouldBeFalse();
    }

    [Fact]
    public void An_escalation_is_marked_as_one()
    {
        var entry = InboxEntry.Deliver(Recipient.RoleAt(PropertyId, RecipientRole.Supervisor), Text, "/x", Guid.NewGuid(), Now, escalation: true);

        entry.Escalation.ShouldBeTrue();
    }

    [Fact]
    public void A_message_to_a_person_names_the_person()
    {
        var personId = Guid.NewGuid();

        var entry = InboxEntry.Deliver(Recipient.Person(PropertyId, personId), Text, "/x", Guid.NewGuid(), Now);

        entry.RecipientPersonId.ShouldBe(personId);
        entry.RecipientRole.ShouldBeNull();
        entry.RecipientKey.ShouldBe($"person:{personId}");
    }

    [Fact]
    public void Both_languages_are_kept_and_each_reader_gets_their_own()
    {
        var entry = Deliver();

        entry.TextIn(Language.ZhCn).ShouldBe(("新报修单", "房号：1201"));
        entry.TextIn(Language.En).ShouldBe(("New repair request", "Unit: 1201"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("api/workorders/1")]
    [InlineData("https://example.com/phish")]
    [InlineData("//example.com/phish")]
    public void The_link_must_be_a_path_on_the_platform(string link) =>
        Should.Throw<DomainRuleException>(() => Deliver(link: link));

    [Fact]
    public void The_link_may_be_as_long_as_the_limit_but_not_longer()
    {
        Deliver(link: "/" + new string('a', InboxEntry.LinkMaxLength - 1)).Link.Length.ShouldBe(InboxEntry.LinkMaxLength);
        Should.Throw<DomainRuleException>(() => Deliver(link: "/" + new string('a', InboxEntry.LinkMaxLength)));
    }

    [Fact]
    public void A_message_must_name_the_event_that_caused_it() =>
        Should.Throw<DomainRuleException>(() => Deliver(sourceEventId: Guid.Empty));

    [Fact]
    public void Marking_read_records_when()
    {
        var entry = Deliver();

        entry.MarkRead(Now.AddMinutes(5)).ShouldBeTrue();

        entry.ReadAt.ShouldBe(Now.AddMinutes(5));
        entry.IsRead.ShouldBeTrue();
    }

    [Fact]
    public void Marking_read_again_changes_nothing_and_keeps_the_first_read_time()
    {
        var entry = Deliver();
        entry.MarkRead(Now.AddMinutes(5));

        entry.MarkRead(Now.AddMinutes(9)).ShouldBeFalse();

        entry.ReadAt.ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void A_message_is_never_read_before_it_arrived()
    {
        var entry = Deliver();

        entry.MarkRead(Now.AddSeconds(-3));

        entry.ReadAt.ShouldBe(Now);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_as_the_database_stores_them()
    {
        var entry = InboxEntry.Deliver(Recipient.RoleAt(PropertyId, RecipientRole.Frontdesk), Text, "/x", Guid.NewGuid(), Now.AddTicks(3));
        entry.MarkRead(Now.AddMinutes(1).AddTicks(9));

        entry.CreatedAt.ShouldBe(Now);
        entry.ReadAt.ShouldBe(Now.AddMinutes(1));
    }
}
