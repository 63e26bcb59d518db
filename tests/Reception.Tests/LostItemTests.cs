using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Lost and found (拾遗) rules, one by one.</summary>
public sealed class LostItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);
    private static readonly Guid Property = Guid.NewGuid();
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台小王");
    private static readonly Actor Manager = new(Guid.NewGuid(), "经理老李");

    private static FoundItem Umbrella(decimal? value = 80m) =>
        new(Now.AddHours(-1), "雨伞", LostItemCategory.General, "黑色长柄", "一楼大堂", "保洁张阿姨", null, value);

    private static LostItemClaim Claimant(bool features = true, bool place = true) =>
        new("李四", "13800138000", TestIdNumbers.Protected(), features, place);

    [Fact]
    public void A_registered_item_is_held_at_the_front_desk_with_its_finder_and_recorder()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);

        item.Status.ShouldBe(LostItemStatus.Held);
        item.PropertyId.ShouldBe(Property);
        item.IsValuable.ShouldBeFalse();
        item.Custodian.ShouldBe(LostItemCustodian.FrontDesk);
        item.FinderName.ShouldBe("保洁张阿姨");
        item.RecordedByName.ShouldBe("前台小王");
        item.CustodyLog.Count.ShouldBe(1);
        item.PendingEvents.OfType<LostItemRegistered>().Single().IsValuable.ShouldBeFalse();
    }

    [Theory]
    [InlineData(LostItemCategory.Document, null)]
    [InlineData(LostItemCategory.Cash, null)]
    [InlineData(LostItemCategory.Securities, null)]
    [InlineData(LostItemCategory.General, 500.01)]
    public void Documents_cash_securities_and_items_worth_over_500_go_into_the_admin_offices_custody(LostItemCategory category, double? value)
    {
        var item = LostItem.Register(Property, Umbrella((decimal?)value) with { Category = category }, Desk, Now);

        item.IsValuable.ShouldBeTrue();
        item.Custodian.ShouldBe(LostItemCustodian.AdminOffice);
        item.CustodyLog.Select(e => e.Custodian).ShouldBe([LostItemCustodian.FrontDesk, LostItemCustodian.AdminOffice]);
        item.CustodyLog[1].ActorName.ShouldBe("前台小王");
    }

    [Fact]
    public void An_item_worth_exactly_500_is_not_a_valuable()
    {
        LostItem.Register(Property, Umbrella(500m), Desk, Now).IsValuable.ShouldBeFalse();
    }

    [Fact]
    public void General_items_are_kept_3_months_and_valuables_1_year_from_when_they_were_found()
    {
        var general = LostItem.Register(Property, Umbrella(), Desk, Now);
        var valuable = LostItem.Register(Property, Umbrella(2000m), Desk, Now);

        general.RetainUntil.ShouldBe(Now.AddHours(-1).AddMonths(3));
        valuable.RetainUntil.ShouldBe(Now.AddHours(-1).AddYears(1));
    }

    [Fact]
    public void An_item_cannot_be_found_in_the_future_nor_be_worth_less_than_nothing()
    {
        Should.Throw<DomainRuleException>(() => LostItem.Register(Property, Umbrella() with { FoundAt = Now.AddHours(1) }, Desk, Now));
        Should.Throw<DomainRuleException>(() => LostItem.Register(Property, Umbrella(-1m), Desk, Now));
    }

    [Fact]
    public void A_claim_with_features_place_and_id_verified_hands_the_item_over_and_records_the_claimant()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);

        item.Claim(Claimant(), Desk, Now.AddDays(2));

        item.Status.ShouldBe(LostItemStatus.Claimed);
        item.ClaimantName.ShouldBe("李四");
        item.ClaimantIdNumberMasked.ShouldBe("110***********002X");
        TestIdNumbers.Protector.Reveal(item.ClaimantIdNumberCiphertext!).ShouldBe("11010519491231002X");
        item.ClaimedAt.ShouldBe(Now.AddDays(2));
        item.HandedOverByName.ShouldBe("前台小王");
        item.CustodyLog.Last().Note.ShouldContain("李四");
        item.PendingEvents.OfType<LostItemClaimed>().Single().ClaimantName.ShouldBe("李四");
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_claimant_who_cannot_describe_the_features_or_the_place_gets_nothing(bool features, bool place)
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);

        Should.Throw<DomainRuleException>(() => item.Claim(Claimant(features, place), Desk, Now));

        item.Status.ShouldBe(LostItemStatus.Held);
        item.ClaimantName.ShouldBeNull();
    }

    [Fact]
    public void A_claimed_item_cannot_be_claimed_again_or_disposed_of()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        item.Claim(Claimant(), Desk, Now);

        Should.Throw<DomainRuleException>(() => item.Claim(Claimant(), Desk, Now));
        Should.Throw<DomainRuleException>(() => item.DisposeOf(LostItemDisposal.Donated, null, Manager, Now.AddYears(2)));
    }

    [Fact]
    public void Before_its_retention_is_over_an_item_cannot_be_disposed_of()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);

        var refused = Should.Throw<DomainRuleException>(() => item.DisposeOf(LostItemDisposal.Donated, null, Manager, item.RetainUntil.AddSeconds(-1)));

        refused.Message.ShouldContain("3 months");
        item.Status.ShouldBe(LostItemStatus.Held);
        item.IsDueForDisposal(item.RetainUntil.AddSeconds(-1)).ShouldBeFalse();
    }

    [Fact]
    public void A_valuable_is_kept_a_year_not_3_months()
    {
        var item = LostItem.Register(Property, Umbrella() with { Category = LostItemCategory.Cash }, Desk, Now);

        Should.Throw<DomainRuleException>(() => item.DisposeOf(LostItemDisposal.HandedToPolice, null, Manager, Now.AddMonths(4)))
            .Message.ShouldContain("1 year");
    }

    [Fact]
    public void After_its_retention_a_manager_decides_the_disposal_and_it_is_logged()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        item.IsDueForDisposal(item.RetainUntil).ShouldBeTrue();

        item.DisposeOf(LostItemDisposal.Donated, "捐赠给社区", Manager, item.RetainUntil);

        item.Status.ShouldBe(LostItemStatus.Disposed);
        item.Disposal.ShouldBe(LostItemDisposal.Donated);
        item.DisposalNote.ShouldBe("捐赠给社区");
        item.DisposedByName.ShouldBe("经理老李");
        item.IsDueForDisposal(item.RetainUntil.AddDays(1)).ShouldBeFalse();
        item.CustodyLog.Last().ActorName.ShouldBe("经理老李");
        item.PendingEvents.OfType<LostItemDisposed>().Single().Decision.ShouldBe("Donated");
        Should.Throw<DomainRuleException>(() => item.Claim(Claimant(), Desk, item.RetainUntil.AddDays(1)));
    }

    [Fact]
    public void Photos_are_registered_with_the_item_while_it_is_held()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);

        var photos = item.AddPhotos([new PhotoFile(TestImages.Jpeg, "伞.jpg")], Desk, Now);

        photos.ShouldHaveSingleItem().Subject.ShouldBe(PhotoSubject.LostItem);
        photos[0].SubjectId.ShouldBe(item.Id);
        photos[0].UploadedByName.ShouldBe("前台小王");
        item.PhotoCount.ShouldBe(1);
    }

    [Fact]
    public void A_claimed_item_takes_no_more_photos()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        item.Claim(Claimant(), Desk, Now.AddHours(1));

        Should.Throw<DomainRuleException>(() => item.AddPhotos([new PhotoFile(TestImages.Jpeg)], Desk, Now.AddHours(2))).Message.ShouldContain("claimed");
        item.PhotoCount.ShouldBe(0);
    }

    private static readonly Actor Owner = new(Guid.NewGuid(), "业主李四");

    [Fact]
    public void An_occupant_asks_for_an_item_on_the_notice_once_and_the_desk_hands_it_to_them()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        var other = item.RequestClaim(new Actor(Guid.NewGuid(), "业主王五"), null, "蓝色折叠伞", "地下车库", Now.AddMinutes(5));

        var mine = item.RequestClaim(Owner, "13800138000", "黑色长柄伞，木把手", "一楼大堂", Now.AddMinutes(10));

        mine.Status.ShouldBe(ClaimRequestStatus.Waiting);
        Should.Throw<DomainRuleException>(() => item.RequestClaim(Owner, null, "黑伞", "大堂", Now.AddMinutes(11))).Message.ShouldContain("already asked");
        item.Claim(Claimant() with { ClaimRequestId = mine.Id }, Desk, Now.AddHours(1));
        item.ClaimRequests.Single(r => r.Id == mine.Id).Status.ShouldBe(ClaimRequestStatus.HandedOver);
        item.ClaimRequests.Single(r => r.Id == other.Id).Status.ShouldBe(ClaimRequestStatus.Closed);
    }

    [Fact]
    public void A_request_needs_a_description_and_the_place_and_a_held_item()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        Should.Throw<DomainRuleException>(() => item.RequestClaim(Owner, null, " ", "大堂", Now));

        item.Claim(Claimant(), Desk, Now.AddHours(1));

        Should.Throw<DomainRuleException>(() => item.RequestClaim(Owner, null, "黑伞", "大堂", Now.AddHours(2))).Message.ShouldContain("claimed");
    }

    [Fact]
    public void Disposal_closes_the_waiting_requests()
    {
        var item = LostItem.Register(Property, Umbrella(), Desk, Now);
        var request = item.RequestClaim(Owner, null, "黑伞", "大堂", Now);

        item.DisposeOf(LostItemDisposal.Donated, null, Manager, item.RetainUntil.AddDays(1));

        request.Status.ShouldBe(ClaimRequestStatus.Closed);
    }

    [Fact]
    public void The_notice_names_a_valuable_only_by_its_category()
    {
        LostItem.Register(Property, Umbrella(), Desk, Now).PublicItemName.ShouldBe("雨伞");
        LostItem.Register(Property, Umbrella(value: 2000m), Desk, Now).PublicItemName.ShouldBeNull();
    }
}
