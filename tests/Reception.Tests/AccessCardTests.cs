using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Access cards (出入证), rule by rule.</summary>
public sealed class AccessCardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台小王");

    private static readonly UnitCopy Unit0801 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "B座", "0801", 8, UnitType.Office, 80m));

    private static AccessCardIssue Issue(decimal deposit = 200m, DateOnly? validUntil = null) =>
        new(" c-0107 ", "刘师傅", null, "恒安装饰", deposit, validUntil ?? Today.AddDays(30));

    [Fact]
    public void Issuing_a_card_holds_its_deposit_and_tells_Billing()
    {
        var card = AccessCard.Issue(Unit0801, Issue(), Desk, Now, Today);

        card.Status.ShouldBe(AccessCardStatus.Issued);
        card.CardNumber.ShouldBe("C-0107");
        card.IssuedAt.ShouldBe(Now);
        var issued = card.PendingEvents.OfType<AccessCardIssued>().Single();
        issued.Deposit.ShouldBe(200m);
        issued.UnitNumber.ShouldBe("0801");
        issued.Company.ShouldBe("恒安装饰");
        issued.ValidUntil.ShouldBe(Today.AddDays(30));
        issued.ActorName.ShouldBe("前台小王");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    [InlineData(100_000.01)]
    public void A_deposit_is_yuan_to_the_fen_within_bounds(decimal deposit)
    {
        Should.Throw<DomainRuleException>(() => AccessCard.Issue(Unit0801, Issue(deposit), Desk, Now, Today));
    }

    [Fact]
    public void A_card_valid_only_in_the_past_is_refused_and_one_valid_today_is_not()
    {
        Should.Throw<DomainRuleException>(() => AccessCard.Issue(Unit0801, Issue(validUntil: Today.AddDays(-1)), Desk, Now, Today));
        AccessCard.Issue(Unit0801, Issue(validUntil: Today), Desk, Now, Today).IsExpired(Today).ShouldBeFalse();
    }

    [Fact]
    public void A_card_still_out_after_its_last_day_is_expired_and_a_returned_one_is_not()
    {
        var card = AccessCard.Issue(Unit0801, Issue(validUntil: Today), Desk, Now, Today);

        card.IsExpired(Today.AddDays(1)).ShouldBeTrue();
        card.Return(Desk, Now.AddDays(2));
        card.IsExpired(Today.AddDays(2)).ShouldBeFalse();
    }

    [Fact]
    public void Returning_refunds_the_deposit_once()
    {
        var card = AccessCard.Issue(Unit0801, Issue(), Desk, Now, Today);

        card.Return(Desk, Now.AddDays(3));

        card.Status.ShouldBe(AccessCardStatus.Returned);
        card.ReturnedAt.ShouldBe(Now.AddDays(3));
        card.PendingEvents.OfType<AccessCardReturned>().Single().Deposit.ShouldBe(200m);
        Should.Throw<DomainRuleException>(() => card.Return(Desk, Now.AddDays(4))).Message.ShouldContain("already returned");
        Should.Throw<DomainRuleException>(() => card.ReportLost(null, Desk, Now.AddDays(4)));
    }

    [Fact]
    public void A_lost_card_keeps_its_deposit_and_cannot_come_back()
    {
        var card = AccessCard.Issue(Unit0801, Issue(), Desk, Now, Today);

        card.ReportLost("  丢在地铁上 ", Desk, Now.AddDays(1));

        card.Status.ShouldBe(AccessCardStatus.Lost);
        card.LostNote.ShouldBe("丢在地铁上");
        var lost = card.PendingEvents.OfType<AccessCardLost>().Single();
        lost.Deposit.ShouldBe(200m);
        lost.Note.ShouldBe("丢在地铁上");
        Should.Throw<DomainRuleException>(() => card.Return(Desk, Now.AddDays(2))).Message.ShouldContain("lost");
    }
}
