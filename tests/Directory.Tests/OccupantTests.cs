using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class OccupantTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Property Tower = Property.Register("国贸中心", PropertyType.OfficeTower, null, Now);

    private static readonly Property OtherTower = Property.Register("阳光大厦", PropertyType.OfficeTower, null, Now);

    /// <summary>What the encryption would produce; the entity only keeps it.</summary>
    private static readonly ProtectedIdNumber IdCard = new(IdDocumentType.ResidentIdCard, "110***********1233", "ciphertext");

    private static Occupant Person(string name = "李雷", Occupant? company = null) =>
        Occupant.Register(Tower, OccupantKind.Person, name, "138 0013 8000", null, null, company, Now);

    private static Occupant Company(Property? property = null) =>
        Occupant.Register(property ?? Tower, OccupantKind.Company, "华夏科技有限公司", "010-12345678", "office@huaxia.example.com", null, null, Now);

    [Fact]
    public void A_registered_person_keeps_their_name_normalised_phone_email_and_masked_id_number()
    {
        var person = Occupant.Register(Tower, OccupantKind.Person, " 李雷 ", "138-0013-8000", " li.lei@example.com ", IdCard, null, Now);

        person.Id.ShouldNotBe(Guid.Empty);
        person.PropertyId.ShouldBe(Tower.Id);
        person.Kind.ShouldBe(OccupantKind.Person);
        person.Name.ShouldBe("李雷");
        person.Phone.ShouldBe("13800138000");
        person.Email.ShouldBe("li.lei@example.com");
        person.IdType.ShouldBe(IdDocumentType.ResidentIdCard);
        person.IdNumberMasked.ShouldBe("110***********1233");
        person.IdNumberCiphertext.ShouldBe("ciphertext");
        person.RegisteredAt.ShouldBe(Now);
    }

    [Fact]
    public void Registering_raises_OccupantRegistered_with_the_contacts_but_never_the_id_number()
    {
        var person = Occupant.Register(Tower, OccupantKind.Person, "李雷", "13800138000", "li.lei@example.com", IdCard, null, Now);

        var registered = person.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<OccupantRegistered>();
        registered.ShouldBe(new OccupantRegistered(
            registered.EventId, Now, Tower.Id, person.Id, OccupantKind.Person, "李雷", "13800138000", "li.lei@example.com", null));
    }

    [Theory]
    [InlineData("13800138000", null)]
    [InlineData(null, "li.lei@example.com")]
    public void One_contact_is_enough(string? phone, string? email) =>
        Occupant.Register(Tower, OccupantKind.Person, "李雷", phone, email, null, null, Now).ShouldNotBeNull();

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "")]
    public void An_occupant_without_any_contact_is_refused(string? phone, string? email) =>
        Should.Throw<DomainRuleException>(() => Occupant.Register(Tower, OccupantKind.Person, "李雷", phone, email, null, null, Now));

    [Theory]
    [InlineData("12345", null)]
    [InlineData("13800138000", "not-an-email")]
    public void A_malformed_phone_or_email_is_refused(string? phone, string? email) =>
        Should.Throw<DomainRuleException>(() => Occupant.Register(Tower, OccupantKind.Person, "李雷", phone, email, null, null, Now));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_occupant_needs_a_name(string? name) =>
        Should.Throw<DomainRuleException>(() => Occupant.Register(Tower, OccupantKind.Person, name!, "13800138000", null, null, null, Now));

    [Fact]
    public void A_name_may_be_as_long_as_the_limit_but_not_longer()
    {
        Occupant.Register(Tower, OccupantKind.Company, new string('华', Occupant.NameMaxLength), "13800138000", null, null, null, Now)
            .Name.Length.ShouldBe(Occupant.NameMaxLength);
        Should.Throw<DomainRuleException>(() =>
            Occupant.Register(Tower, OccupantKind.Company, new string('华', Occupant.NameMaxLength + 1), "13800138000", null, null, null, Now));
    }

    [Fact]
    public void Only_known_kinds_are_accepted() =>
        Should.Throw<DomainRuleException>(() => Occupant.Register(Tower, (OccupantKind)42, "李雷", "13800138000", null, null, null, Now));

    [Fact]
    public void A_company_has_no_identity_document()
    {
        Should.Throw<DomainRuleException>(() =>
            Occupant.Register(Tower, OccupantKind.Company, "华夏科技", "13800138000", null, IdCard, null, Now));
        Should.Throw<DomainRuleException>(() => Company().SetIdNumber(IdCard));
    }

    [Fact]
    public void A_persons_id_document_can_be_recorded_later()
    {
        var person = Person();

        person.SetIdNumber(IdCard);

        person.IdType.ShouldBe(IdDocumentType.ResidentIdCard);
        person.IdNumberMasked.ShouldBe(IdCard.Masked);
    }

    [Fact]
    public void Changing_contacts_raises_OccupantContactChanged_with_both_as_they_are_now()
    {
        var person = Person();
        person.ChangeContacts("139 0013 9000", "li.lei@example.com", Now.AddDays(1));

        person.Phone.ShouldBe("13900139000");
        person.Email.ShouldBe("li.lei@example.com");
        var changed = person.PendingEvents.OfType<OccupantContactChanged>().ShouldHaveSingleItem();
        changed.ShouldBe(new OccupantContactChanged(changed.EventId, Now.AddDays(1), Tower.Id, person.Id, "李雷", "13900139000", "li.lei@example.com"));
    }

    [Fact]
    public void Contacts_given_as_they_already_are_raise_nothing()
    {
        var person = Person();

        person.ChangeContacts("138-0013-8000", null, Now.AddDays(1));

        person.PendingEvents.OfType<OccupantContactChanged>().ShouldBeEmpty();
    }

    [Fact]
    public void Contacts_cannot_be_changed_to_none_or_to_a_malformed_number()
    {
        var person = Person();

        Should.Throw<DomainRuleException>(() => person.ChangeContacts(null, null, Now));
        Should.Throw<DomainRuleException>(() => person.ChangeContacts("12345", null, Now));
        person.Phone.ShouldBe("13800138000");
    }

    [Fact]
    public void A_person_works_for_a_company_of_the_same_property()
    {
        var company = Company();

        var person = Person(company: company);

        person.CompanyId.ShouldBe(company.Id);
        person.PendingEvents.OfType<OccupantRegistered>().Single().CompanyId.ShouldBe(company.Id);
    }

    [Fact]
    public void Only_a_person_works_for_a_company_and_only_for_a_company_of_their_property()
    {
        var company = Company();
        Should.Throw<DomainRuleException>(() => Company().JoinCompany(company));
        Should.Throw<DomainRuleException>(() => Person().JoinCompany(Person("韩梅梅")));
        Should.Throw<DomainRuleException>(() => Person().JoinCompany(Company(OtherTower)));
    }

    [Fact]
    public void A_company_authorises_one_of_its_own_people_as_signer_and_announces_it()
    {
        var company = Company();
        var person = Person(company: company);

        var signer = company.AuthoriseSigner(person, Now);

        signer.CompanyId.ShouldBe(company.Id);
        signer.PersonId.ShouldBe(person.Id);
        signer.AuthorisedAt.ShouldBe(Now);
        signer.WithdrawnAt.ShouldBeNull();
        company.Signers.ShouldBe([signer]);
        company.CurrentSignerFor(person.Id).ShouldBe(signer);
        var added = company.PendingEvents.OfType<AuthorisedSignerAdded>().ShouldHaveSingleItem();
        added.ShouldBe(new AuthorisedSignerAdded(added.EventId, Now, Tower.Id, company.Id, signer.Id, person.Id, "李雷", Now));
    }

    [Fact]
    public void A_signer_must_be_a_person_working_for_the_company()
    {
        var company = Company();

        Should.Throw<DomainRuleException>(() => company.AuthoriseSigner(Person(), Now)).Message.ShouldContain("link");
        Should.Throw<DomainRuleException>(() => company.AuthoriseSigner(Company(), Now));
        Should.Throw<DomainRuleException>(() => Person().AuthoriseSigner(Person(), Now));
        company.Signers.ShouldBeEmpty();
    }

    [Fact]
    public void A_person_is_authorised_once_at_a_time()
    {
        var company = Company();
        var person = Person(company: company);
        company.AuthoriseSigner(person, Now);

        Should.Throw<DomainRuleException>(() => company.AuthoriseSigner(person, Now.AddDays(1)));
        company.Signers.Count.ShouldBe(1);
    }

    [Fact]
    public void Withdrawing_keeps_the_authorisation_with_its_end_and_allows_a_new_one_later()
    {
        var company = Company();
        var person = Person(company: company);
        var first = company.AuthoriseSigner(person, Now);

        company.WithdrawSigner(first.Id, Now.AddDays(30));

        first.WithdrawnAt.ShouldBe(Now.AddDays(30));
        company.CurrentSignerFor(person.Id).ShouldBeNull();
        var withdrawn = company.PendingEvents.OfType<AuthorisedSignerWithdrawn>().ShouldHaveSingleItem();
        withdrawn.ShouldBe(new AuthorisedSignerWithdrawn(withdrawn.EventId, Now.AddDays(30), Tower.Id, company.Id, first.Id, person.Id, Now.AddDays(30)));

        var second = company.AuthoriseSigner(person, Now.AddDays(60));
        company.Signers.ShouldBe([first, second]);
    }

    [Fact]
    public void A_withdrawn_or_unknown_authorisation_cannot_be_withdrawn()
    {
        var company = Company();
        var signer = company.AuthoriseSigner(Person(company: company), Now);
        company.WithdrawSigner(signer.Id, Now.AddDays(1));

        Should.Throw<DomainRuleException>(() => company.WithdrawSigner(signer.Id, Now.AddDays(2)));
        Should.Throw<DomainRuleException>(() => company.WithdrawSigner(Guid.NewGuid(), Now.AddDays(2)));
        signer.WithdrawnAt.ShouldBe(Now.AddDays(1));
    }

    [Fact]
    public void A_current_signer_cannot_leave_the_company_until_withdrawn()
    {
        var company = Company();
        var person = Person(company: company);
        var signer = company.AuthoriseSigner(person, Now);

        Should.Throw<DomainRuleException>(() => person.LeaveCompany(company));
        person.CompanyId.ShouldBe(company.Id);

        company.WithdrawSigner(signer.Id, Now);
        person.LeaveCompany(company);
        person.CompanyId.ShouldBeNull();
    }

    [Fact]
    public void One_cannot_leave_a_company_one_does_not_work_for() =>
        Should.Throw<DomainRuleException>(() => Person().LeaveCompany(Company()));
}
