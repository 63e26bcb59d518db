using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.ServiceDefaults.Photos;
using PropertyPlatform.ServiceDefaults.Problems;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Reception.Tests;

/// <summary>The rules of a goods exit pass (出门条), one by one.</summary>
public sealed class ExitPassTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly Guid CompanyId = Guid.NewGuid();
    private static readonly Guid SignerPersonId = Guid.NewGuid();

    private static readonly UnitCopy Unit1201 = UnitCopy.From(new UnitRegistered(
        Guid.NewGuid(), Now, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "A座", "1201", 12, UnitType.Office, 120.5m));

    private static readonly Actor Tenant = new(Guid.NewGuid(), "星辰科技 王经理");
    private static readonly Actor Desk = new(Guid.NewGuid(), "前台小李");
    private static readonly Actor Guard = new(Guid.NewGuid(), "门岗老张");

    private static readonly AuthorisedSigner Signer = AuthorisedSigner.From(new AuthorisedSignerAdded(
        Guid.NewGuid(), Now.AddDays(-30), Unit1201.PropertyId, CompanyId, Guid.NewGuid(), SignerPersonId, "赵总", Now.AddDays(-30)));

    [Fact]
    public void An_application_lists_the_items_for_a_day_and_waits_for_the_desk()
    {
        var pass = Applied();

        pass.Status.ShouldBe(ExitPassStatus.Submitted);
        pass.UnitId.ShouldBe(Unit1201.Id);
        pass.AppliedByName.ShouldBe("星辰科技 王经理");
        pass.Items.Select(i => (i.Sequence, i.Name, i.Quantity)).ShouldBe([(1, "显示器", 3), (2, "文件柜", 1)]);
        pass.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<ExitPassApplied>().ItemCount.ShouldBe(2);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("显示器", 0)]
    [InlineData("显示器", 10_001)]
    public void Every_item_needs_a_name_and_a_sensible_quantity(string name, int quantity) =>
        Should.Throw<DomainRuleException>(() => Apply([(name, quantity)]));

    [Fact]
    public void A_pass_lists_at_least_one_item() =>
        Should.Throw<DomainRuleException>(() => Apply([])).Message.ShouldContain("1 to");

    [Fact]
    public void Goods_cannot_leave_on_a_past_day_but_may_be_planned_for_a_later_one()
    {
        Should.Throw<DomainRuleException>(() => Apply([("显示器", 1)], Today.AddDays(-1))).Message.ShouldContain("passed");
        Apply([("显示器", 1)], Today.AddDays(3)).ExitDate.ShouldBe(Today.AddDays(3));
    }

    [Fact]
    public void The_desk_verifies_a_pass_signed_by_an_authorised_signer()
    {
        var pass = Applied();

        pass.Verify(Signer, Desk, Now);

        pass.Status.ShouldBe(ExitPassStatus.Verified);
        pass.VerifiedByName.ShouldBe("前台小李");
        pass.PendingEvents.OfType<ExitPassVerified>().ShouldHaveSingleItem().CompanyId.ShouldBe(CompanyId);
    }

    [Fact]
    public void A_pass_signed_by_someone_the_tenant_has_not_authorised_is_refused_and_stays_submitted()
    {
        var pass = Applied();

        Should.Throw<DomainRuleException>(() => pass.Verify(null, Desk, Now)).Message.ShouldContain("not an authorised signer");
        pass.Status.ShouldBe(ExitPassStatus.Submitted);
    }

    [Fact]
    public void A_withdrawn_signers_signature_is_refused()
    {
        var withdrawn = AuthorisedSigner.From(new AuthorisedSignerAdded(
            Guid.NewGuid(), Now.AddDays(-30), Unit1201.PropertyId, CompanyId, Guid.NewGuid(), SignerPersonId, "赵总", Now.AddDays(-30)));
        withdrawn.Withdraw(Now.AddDays(-1));

        Should.Throw<DomainRuleException>(() => Applied().Verify(withdrawn, Desk, Now)).Message.ShouldContain("not an authorised signer");
    }

    [Fact]
    public void A_signer_written_by_name_is_matched_by_name()
    {
        var pass = ExitPass.Apply(Unit1201, Tenant, "搬运工小刘", Today, null, " 赵总 ", [("显示器", 1)], Today, Now);

        pass.Verify(Signer, Desk, Now);

        pass.SignerPersonId.ShouldBe(SignerPersonId);
    }

    [Fact]
    public void The_gate_releases_everything_on_the_exit_day()
    {
        var pass = Verified();

        pass.Release(new Dictionary<int, int> { [1] = 3, [2] = 1 }, null, Guard, Today, Now.AddHours(2));

        pass.Status.ShouldBe(ExitPassStatus.Released);
        pass.CheckedByName.ShouldBe("门岗老张");
        pass.Items.Select(i => i.ReleasedQuantity).ShouldBe([3, 1]);
        pass.PendingEvents.OfType<ExitPassReleased>().ShouldHaveSingleItem().Partial.ShouldBeFalse();
    }

    [Fact]
    public void A_partial_release_needs_a_note_and_is_recorded_as_partial()
    {
        var pass = Verified();
        var part = new Dictionary<int, int> { [1] = 2 };

        Should.Throw<DomainRuleException>(() => pass.Release(part, " ", Guard, Today, Now)).Message.ShouldContain("only part");
        pass.Release(part, "一台显示器无出门条", Guard, Today, Now);

        pass.Status.ShouldBe(ExitPassStatus.PartlyReleased);
        pass.Items.Select(i => i.ReleasedQuantity).ShouldBe([2, 0]);
        pass.GateNote.ShouldBe("一台显示器无出门条");
    }

    [Fact]
    public void More_than_the_pass_lists_or_an_item_not_on_it_cannot_leave()
    {
        var pass = Verified();

        Should.Throw<DomainRuleException>(() => pass.Release(new Dictionary<int, int> { [1] = 4, [2] = 1 }, null, Guard, Today, Now));
        Should.Throw<DomainRuleException>(() => pass.Release(new Dictionary<int, int> { [3] = 1 }, "x", Guard, Today, Now));
        Should.Throw<DomainRuleException>(() => pass.Release(new Dictionary<int, int> { [1] = 0 }, "x", Guard, Today, Now))
            .Message.ShouldContain("refuse");
        pass.Status.ShouldBe(ExitPassStatus.Verified);
    }

    [Fact]
    public void The_gate_releases_nothing_before_the_desk_verified_the_signer_or_on_another_day()
    {
        Should.Throw<DomainRuleException>(() => Applied().Release(new Dictionary<int, int> { [1] = 3, [2] = 1 }, null, Guard, Today, Now))
            .Message.ShouldContain("not verified");
        Should.Throw<DomainRuleException>(() => Verified().Release(new Dictionary<int, int> { [1] = 3, [2] = 1 }, null, Guard, Today.AddDays(1), Now))
            .Message.ShouldContain("not today");
    }

    [Fact]
    public void The_gate_refuses_with_a_reason_and_checks_a_pass_once()
    {
        var pass = Verified();

        Should.Throw<DomainRuleException>(() => pass.Refuse("", Guard, Today, Now));
        pass.Refuse("货物与出门条不符", Guard, Today, Now);

        pass.Status.ShouldBe(ExitPassStatus.Refused);
        pass.GateNote.ShouldBe("货物与出门条不符");
        pass.PendingEvents.OfType<ExitPassRefused>().ShouldHaveSingleItem().AtGate.ShouldBeTrue();
        Should.Throw<DomainRuleException>(() => pass.Release(new Dictionary<int, int> { [1] = 3, [2] = 1 }, null, Guard, Today, Now))
            .Message.ShouldContain("already checked");
    }

    [Fact]
    public void The_desk_rejects_a_submitted_pass_with_a_reason_and_the_gate_then_releases_nothing()
    {
        var pass = Applied();

        pass.Reject("签名人不在名单", Desk, Now);

        pass.Status.ShouldBe(ExitPassStatus.Rejected);
        Should.Throw<DomainRuleException>(() => pass.Verify(Signer, Desk, Now));
        Should.Throw<DomainRuleException>(() => pass.Release(new Dictionary<int, int> { [1] = 3 }, "x", Guard, Today, Now)).Message.ShouldContain("rejected");
    }

    [Fact]
    public void Photos_of_the_goods_belong_to_the_application_numbered_in_order()
    {
        var pass = Applied();

        var photos = pass.AddPhotos([new PhotoFile(TestImages.Png, "显示器.png"), new PhotoFile(TestImages.Jpeg)], Tenant, Now);

        photos.Select(p => (p.Sequence, p.ContentType, p.Subject, p.SubjectId)).ShouldBe(
            [(1, PhotoFormat.Png, PhotoSubject.ExitPass, pass.Id), (2, PhotoFormat.Jpeg, PhotoSubject.ExitPass, pass.Id)]);
        photos[0].UploadedByName.ShouldBe("星辰科技 王经理");
        pass.PhotoCount.ShouldBe(2);
        pass.AddPhotos([new PhotoFile(TestImages.Jpeg)], Tenant, Now).ShouldHaveSingleItem().Sequence.ShouldBe(3);
    }

    [Fact]
    public void A_pass_keeps_at_most_six_photos_and_takes_none_of_an_upload_with_a_bad_file()
    {
        var pass = Applied();
        pass.AddPhotos(Enumerable.Range(0, 5).Select(_ => new PhotoFile(TestImages.Jpeg)).ToList(), Tenant, Now);

        Should.Throw<DomainRuleException>(() => pass.AddPhotos([new PhotoFile(TestImages.Jpeg), new PhotoFile(TestImages.Jpeg)], Tenant, Now))
            .Message.ShouldContain("1 more");
        Should.Throw<DomainRuleException>(() => pass.AddPhotos([new PhotoFile(TestImages.Gif)], Tenant, Now));
        pass.PhotoCount.ShouldBe(5);
    }

    [Fact]
    public void Photos_are_added_before_the_desk_checks_the_pass_not_after()
    {
        var pass = Verified();

        Should.Throw<DomainRuleException>(() => pass.AddPhotos([new PhotoFile(TestImages.Jpeg)], Tenant, Now)).Message.ShouldContain("before the desk");
        pass.PhotoCount.ShouldBe(0);
    }

    private static ExitPass Apply(IReadOnlyList<(string, int)> items, DateOnly? exitDate = null) =>
        ExitPass.Apply(Unit1201, Tenant, "搬运工小刘", exitDate ?? Today, SignerPersonId, "赵总", items, Today, Now);

    private static ExitPass Applied() => Apply([("显示器", 3), ("文件柜", 1)]);

    private static ExitPass Verified()
    {
        var pass = Applied();
        pass.Verify(Signer, Desk, Now);
        return pass;
    }
}
