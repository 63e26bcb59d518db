using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

public sealed class VisitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    private static readonly PassCode Code = new("12345678");

    // A window from 10:00 to 12:00 local time on the test day.
    private static readonly DateTimeOffset From = Now.AddMinutes(30);
    private static readonly DateTimeOffset Until = Now.AddHours(2.5);

    [Fact]
    public void A_registered_visit_belongs_to_the_host_units_property_and_is_expected()
    {
        var visit = Visit.Register(Unit1201, Registration(), Code, Now);

        visit.PropertyId.ShouldBe(Unit1201.PropertyId);
        visit.UnitId.ShouldBe(Unit1201.Id);
        visit.Status.ShouldBe(VisitStatus.Expected);
        visit.PassCode.ShouldBe("12345678");
        visit.RegisteredAt.ShouldBe(Now);
        visit.IdType.ShouldBe(IdDocumentType.ResidentIdCard);
        visit.IdNumberMasked.ShouldBe("110***********002X");
        // Kept encrypted: only the service's keys read the full number back.
        visit.IdNumberCiphertext.ShouldNotContain("11010519491231002X");
        TestIdNumbers.Protector.Reveal(visit.IdNumberCiphertext).ShouldBe("11010519491231002X");
    }

    [Fact]
    public void Window_and_registration_time_are_kept_in_utc_whatever_offset_the_client_used()
    {
        var visit = Visit.Register(Unit1201, Registration(), Code, Now);

        visit.ExpectedFrom.Offset.ShouldBe(TimeSpan.Zero);
        visit.ExpectedFrom.ShouldBe(From);
        visit.ExpectedUntil.Offset.ShouldBe(TimeSpan.Zero);
        visit.ExpectedUntil.ShouldBe(Until);
        visit.RegisteredAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Times_are_kept_to_the_microsecond_as_the_database_reads_them_back()
    {
        var precise = From.AddTicks(1234567);

        var visit = Visit.Register(Unit1201, Registration() with { ExpectedFrom = precise }, Code, Now.AddTicks(7));

        visit.ExpectedFrom.ShouldBe(From.AddTicks(1234560));
        visit.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Text_is_trimmed_and_the_plate_is_stored_in_one_spelling()
    {
        var visit = Visit.Register(Unit1201,
            Registration() with { VisitorName = " 张三 ", Purpose = " 商务洽谈\n", PlateNumber = " 京a·12345 " }, Code, Now);

        visit.VisitorName.ShouldBe("张三");
        visit.Purpose.ShouldBe("商务洽谈");
        visit.PlateNumber.ShouldBe("京A12345");
    }

    [Fact]
    public void A_blank_plate_means_no_vehicle() =>
        Visit.Register(Unit1201, Registration() with { PlateNumber = "  " }, Code, Now).PlateNumber.ShouldBeNull();

    [Fact]
    public void Registering_raises_one_VisitRegistered_without_the_id_number()
    {
        var visit = Visit.Register(Unit1201, Registration(), Code, Now);

        var registered = visit.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<VisitRegistered>();
        registered.VisitId.ShouldBe(visit.Id);
        registered.PropertyId.ShouldBe(Unit1201.PropertyId);
        registered.UnitId.ShouldBe(Unit1201.Id);
        registered.UnitNumber.ShouldBe("1201");
        registered.VisitorName.ShouldBe("张三");
        registered.PartySize.ShouldBe(2);
        registered.ExpectedFrom.ShouldBe(From);
        registered.ExpectedUntil.ShouldBe(Until);
        registered.OccurredAt.ShouldBe(Now);
        registered.EventId.ShouldNotBe(Guid.Empty);
        registered.ToString().ShouldNotContain("11010519491231002X");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void A_party_of_one_to_fifty_is_accepted(int partySize) =>
        Visit.Register(Unit1201, Registration() with { PartySize = partySize }, Code, Now).PartySize.ShouldBe(partySize);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(51)]
    public void A_party_outside_one_to_fifty_is_refused(int partySize) =>
        Should.Throw<DomainRuleException>(() => Visit.Register(Unit1201, Registration() with { PartySize = partySize }, Code, Now));

    [Fact]
    public void A_window_that_ends_when_it_starts_is_refused() =>
        Should.Throw<DomainRuleException>(() => Visit.Register(Unit1201, Registration() with { ExpectedUntil = From }, Code, Now))
            .Message.ShouldContain("end after it starts");

    [Fact]
    public void A_window_that_ends_before_it_starts_is_refused() =>
        Should.Throw<DomainRuleException>(() => Visit.Register(Unit1201, Registration() with { ExpectedUntil = From.AddMinutes(-1) }, Code, Now));

    [Fact]
    public void A_window_that_started_a_few_minutes_ago_is_accepted_for_visitors_already_at_the_door()
    {
        var visit = Visit.Register(Unit1201, Registration() with { ExpectedFrom = Now - Visit.PastTolerance }, Code, Now);

        visit.ExpectedFrom.ShouldBe(Now - Visit.PastTolerance);
    }

    [Fact]
    public void A_window_that_starts_further_in_the_past_is_refused() =>
        Should.Throw<DomainRuleException>(() => Visit.Register(Unit1201,
                Registration() with { ExpectedFrom = Now - Visit.PastTolerance - TimeSpan.FromSeconds(1) }, Code, Now))
            .Message.ShouldContain("past");

    [Theory]
    [InlineData("", "拜访")]
    [InlineData("张三", " ")]
    public void A_visit_needs_a_visitor_name_and_a_purpose(string name, string purpose) =>
        Should.Throw<DomainRuleException>(() => Visit.Register(Unit1201, Registration() with { VisitorName = name, Purpose = purpose }, Code, Now));

    [Theory]
    [InlineData(0)] // the window opens
    [InlineData(60)]
    [InlineData(120)] // the window closes
    public void Security_checks_an_expected_visitor_in_inside_the_window(int minutesAfterStart)
    {
        var visit = Registered();
        var at = From.AddMinutes(minutesAfterStart);

        visit.CheckIn(Unit1201, at);

        visit.Status.ShouldBe(VisitStatus.CheckedIn);
        visit.CheckedInAt.ShouldBe(at);
        var checkedIn = visit.PendingEvents.OfType<VisitorCheckedIn>().ShouldHaveSingleItem();
        checkedIn.VisitId.ShouldBe(visit.Id);
        checkedIn.PropertyId.ShouldBe(visit.PropertyId);
        checkedIn.UnitId.ShouldBe(Unit1201.Id);
        checkedIn.UnitNumber.ShouldBe("1201");
        checkedIn.PartySize.ShouldBe(2);
        checkedIn.OccurredAt.ShouldBe(at);
    }

    [Fact]
    public void An_early_visitor_is_refused_and_the_visit_stays_expected()
    {
        var visit = Registered();
        var eventsBefore = visit.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, From.AddSeconds(-1))).Message.ShouldContain("early");

        visit.Status.ShouldBe(VisitStatus.Expected);
        visit.CheckedInAt.ShouldBeNull();
        visit.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void A_late_visitor_is_refused_and_the_visit_stays_expected()
    {
        var visit = Registered();
        var eventsBefore = visit.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, Until.AddSeconds(1))).Message.ShouldContain("closed");

        visit.Status.ShouldBe(VisitStatus.Expected);
        visit.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void A_visitor_cannot_check_in_twice()
    {
        var visit = CheckedIn();

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, From.AddMinutes(20))).Message.ShouldContain("already checked in");
        visit.CheckedInAt.ShouldBe(From.AddMinutes(10));
    }

    [Fact]
    public void A_visitor_who_left_cannot_check_in_again_on_the_same_visit()
    {
        var visit = CheckedOut();

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, From.AddMinutes(50)));
        visit.Status.ShouldBe(VisitStatus.CheckedOut);
    }

    [Fact]
    public void A_cancelled_visit_admits_nobody()
    {
        var visit = Cancelled();

        Should.Throw<DomainRuleException>(() => visit.CheckIn(Unit1201, From.AddMinutes(10))).Message.ShouldContain("cancelled");
        visit.Status.ShouldBe(VisitStatus.Cancelled);
    }

    [Fact]
    public void A_checked_in_visitor_checks_out()
    {
        var visit = CheckedIn();
        var at = From.AddMinutes(40);

        visit.CheckOut(Unit1201, at);

        visit.Status.ShouldBe(VisitStatus.CheckedOut);
        visit.CheckedOutAt.ShouldBe(at);
        var checkedOut = visit.PendingEvents.OfType<VisitorCheckedOut>().ShouldHaveSingleItem();
        checkedOut.VisitId.ShouldBe(visit.Id);
        checkedOut.UnitId.ShouldBe(Unit1201.Id);
        checkedOut.OccurredAt.ShouldBe(at);
    }

    [Fact]
    public void A_visitor_who_overstays_still_checks_out()
    {
        var visit = CheckedIn();

        visit.CheckOut(Unit1201, Until.AddHours(3));

        visit.Status.ShouldBe(VisitStatus.CheckedOut);
    }

    [Fact]
    public void A_visitor_who_never_checked_in_cannot_check_out()
    {
        var visit = Registered();
        var eventsBefore = visit.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => visit.CheckOut(Unit1201, From.AddMinutes(10))).Message.ShouldContain("not checked in");
        visit.Status.ShouldBe(VisitStatus.Expected);
        visit.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void A_visitor_cannot_check_out_twice()
    {
        var visit = CheckedOut();

        Should.Throw<DomainRuleException>(() => visit.CheckOut(Unit1201, From.AddMinutes(60)));
        visit.CheckedOutAt.ShouldBe(From.AddMinutes(40));
    }

    [Fact]
    public void A_cancelled_visit_cannot_be_checked_out() =>
        Should.Throw<DomainRuleException>(() => Cancelled().CheckOut(Unit1201, From.AddMinutes(10)));

    [Fact]
    public void An_expected_visit_is_cancelled_with_a_reason()
    {
        var visit = Registered();

        visit.Cancel(" 访客改期 ", Now.AddMinutes(5));

        visit.Status.ShouldBe(VisitStatus.Cancelled);
        visit.CancelledAt.ShouldBe(Now.AddMinutes(5));
        visit.CancelReason.ShouldBe("访客改期");
        var cancelled = visit.PendingEvents.OfType<VisitCancelled>().ShouldHaveSingleItem();
        cancelled.VisitId.ShouldBe(visit.Id);
        cancelled.Reason.ShouldBe("访客改期");
    }

    [Fact]
    public void A_cancellation_needs_a_reason()
    {
        var visit = Registered();

        Should.Throw<DomainRuleException>(() => visit.Cancel("  ", Now));
        visit.Status.ShouldBe(VisitStatus.Expected);
    }

    [Fact]
    public void A_visitor_who_has_arrived_cannot_be_cancelled()
    {
        var visit = CheckedIn();
        var eventsBefore = visit.PendingEvents.Count;

        Should.Throw<DomainRuleException>(() => visit.Cancel("改期", From.AddMinutes(20))).Message.ShouldContain("already checked in");
        visit.Status.ShouldBe(VisitStatus.CheckedIn);
        visit.PendingEvents.Count.ShouldBe(eventsBefore);
    }

    [Fact]
    public void A_finished_visit_cannot_be_cancelled() =>
        Should.Throw<DomainRuleException>(() => CheckedOut().Cancel("改期", From.AddMinutes(60)));

    [Fact]
    public void A_visit_cannot_be_cancelled_twice()
    {
        var visit = Cancelled();

        Should.Throw<DomainRuleException>(() => visit.Cancel("again", Now.AddMinutes(10))).Message.ShouldContain("already cancelled");
        visit.CancelReason.ShouldBe("改期");
    }

    [Theory]
    [InlineData(VisitorCategory.Vip, "vip")]
    [InlineData(VisitorCategory.Government, "government")]
    [InlineData(VisitorCategory.Media, "media")]
    public void A_vip_government_or_media_visit_tells_the_manager(VisitorCategory category, string told)
    {
        var visit = Visit.Register(Unit1201, Registration() with { Category = category }, Code, Now);

        visit.Category.ShouldBe(category);
        var notable = visit.PendingEvents.OfType<NotableVisitorExpected>().ShouldHaveSingleItem();
        (notable.Category, notable.VisitorName, notable.UnitNumber, notable.IsWalkIn).ShouldBe((told, "张三", "1201", false));

        var walkIn = Visit.RegisterWalkIn(Unit1201, Registration() with { Category = category }, Code, Now);
        walkIn.PendingEvents.OfType<NotableVisitorExpected>().ShouldHaveSingleItem().IsWalkIn.ShouldBeTrue();
    }

    [Fact]
    public void An_ordinary_visit_does_not_trouble_the_manager()
    {
        Registered().PendingEvents.OfType<NotableVisitorExpected>().ShouldBeEmpty();
    }

    [Fact]
    public void A_visitor_still_on_site_after_the_window_closed_is_overstaying_until_they_leave()
    {
        var visit = CheckedIn();

        visit.IsOverstayingAt(Until).ShouldBeFalse();
        visit.IsOverstayingAt(Until.AddMinutes(1)).ShouldBeTrue();
        Registered().IsOverstayingAt(Until.AddMinutes(1)).ShouldBeFalse("never came: not on site");
        visit.CheckOut(Unit1201, Until.AddMinutes(30));
        visit.IsOverstayingAt(Until.AddMinutes(31)).ShouldBeFalse();
    }

    private static VisitRegistration Registration() => new(
        "张三", "13800138000", TestIdNumbers.Protected(), "拜访", 2, From, Until);

    private static Visit Registered()
    {
        var visit = Visit.Register(Unit1201, Registration(), Code, Now);
        return visit;
    }

    private static Visit CheckedIn()
    {
        var visit = Registered();
        visit.CheckIn(Unit1201, From.AddMinutes(10));
        return visit;
    }

    private static Visit CheckedOut()
    {
        var visit = CheckedIn();
        visit.CheckOut(Unit1201, From.AddMinutes(40));
        return visit;
    }

    private static Visit Cancelled()
    {
        var visit = Registered();
        visit.Cancel("改期", Now.AddMinutes(5));
        return visit;
    }
}
