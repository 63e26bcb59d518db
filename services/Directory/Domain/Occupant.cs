using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// An occupant (业户) of a property: a person or a company, with the contacts the centre reaches them by.
/// A person may carry an identity document (kept encrypted) and may work for a company of the same property.
/// A company keeps its list of authorised signers (指定签名人名单), whose history is never deleted.
/// </summary>
public sealed class Occupant : AggregateRoot
{
    public const int NameMaxLength = 100;

    private readonly List<AuthorisedSigner> _signers = [];

    private Occupant()
    {
    }

    public Guid Id { get; private set; }

    public Guid PropertyId { get; private set; }

    public OccupantKind Kind { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Normalised (<see cref="PhoneNumber.Normalize"/>); null when the occupant gave none.</summary>
    public string? Phone { get; private set; }

    public string? Email { get; private set; }

    public IdDocumentType? IdType { get; private set; }

    /// <summary>The ID number as everyone without the right to see it reads it, e.g. <c>110***********1234</c>.</summary>
    public string? IdNumberMasked { get; private set; }

    /// <summary>The ID number encrypted with Directory's data-protection keys; never shown, never published.</summary>
    public string? IdNumberCiphertext { get; private set; }

    /// <summary>The company a person works for (their employer among the occupants), if any.</summary>
    public Guid? CompanyId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>When the name or contacts last changed: the version of the copies other services keep (the occupants feed).</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>A company's signers, current and withdrawn; empty for a person.</summary>
    public IReadOnlyList<AuthorisedSigner> Signers => _signers;

    /// <summary>
    /// Registers an occupant and raises <see cref="OccupantRegistered"/>. At least one contact is needed, since
    /// every request must get an answer; only a person has an ID document or an employer.
    /// </summary>
    public static Occupant Register(
        Property property, OccupantKind kind, string name, string? phone, string? email, ProtectedIdNumber? idNumber,
        Occupant? company, DateTimeOffset now)
    {
        now = StoredTime.Of(now);
        var occupant = new Occupant
        {
            Id = Guid.CreateVersion7(now),
            PropertyId = property.Id,
            Kind = Text.Defined(kind, "occupant kind"),
            Name = Text.Required(name, NameMaxLength, "An occupant's name"),
            RegisteredAt = now,
            ChangedAt = now,
        };
        (occupant.Phone, occupant.Email) = Contacts(phone, email);
        if (idNumber is not null)
        {
            occupant.SetIdNumber(idNumber);
        }
        if (company is not null)
        {
            occupant.LinkTo(company);
        }

        occupant.Raise(new OccupantRegistered(
            Guid.CreateVersion7(now), now, occupant.PropertyId, occupant.Id, occupant.Kind, occupant.Name,
            occupant.Phone, occupant.Email, occupant.CompanyId));
        return occupant;
    }

    /// <summary>Replaces phone and email; raises <see cref="OccupantContactChanged"/> when either really changed.</summary>
    public void ChangeContacts(string? phone, string? email, DateTimeOffset now)
    {
        var (newPhone, newEmail) = Contacts(phone, email);
        if (newPhone == Phone && newEmail == Email)
        {
            return;
        }

        now = StoredTime.Of(now);
        (Phone, Email) = (newPhone, newEmail);
        ChangedAt = RecordVersion.Next(ChangedAt, now);
        Raise(new OccupantContactChanged(Guid.CreateVersion7(now), ChangedAt, PropertyId, Id, Name, Phone, Email));
    }

    /// <summary>Records (or corrects) a person's identity document.</summary>
    public void SetIdNumber(ProtectedIdNumber idNumber)
    {
        if (Kind != OccupantKind.Person)
        {
            throw new DomainRuleException("Only a person has an identity document; a company is registered without one.");
        }
        IdType = Text.Defined(idNumber.Type, "identity document type");
        IdNumberMasked = idNumber.Masked;
        IdNumberCiphertext = idNumber.Ciphertext;
    }

    /// <summary>Makes a person staff of <paramref name="company"/>.</summary>
    public void JoinCompany(Occupant company) => LinkTo(company);

    /// <summary>A person leaves their company; refused while they are one of its authorised signers.</summary>
    public void LeaveCompany(Occupant company)
    {
        if (CompanyId != company.Id)
        {
            throw new DomainRuleException($"{Name} does not work for {company.Name}.");
        }
        if (company.CurrentSignerFor(Id) is not null)
        {
            throw new DomainRuleException($"{Name} is an authorised signer of {company.Name}: withdraw the authorisation first.");
        }
        CompanyId = null;
    }

    /// <summary>
    /// Names one of the company's own staff as an authorised signer and raises <see cref="AuthorisedSignerAdded"/>.
    /// </summary>
    public AuthorisedSigner AuthoriseSigner(Occupant person, DateTimeOffset now)
    {
        if (Kind != OccupantKind.Company)
        {
            throw new DomainRuleException("Only a company names authorised signers.");
        }
        if (person.Kind != OccupantKind.Person || person.CompanyId != Id)
        {
            throw new DomainRuleException($"An authorised signer must be a person working for {Name}: link {person.Name} to the company first.");
        }
        if (CurrentSignerFor(person.Id) is not null)
        {
            throw new DomainRuleException($"{person.Name} is already an authorised signer of {Name}.");
        }

        now = StoredTime.Of(now);
        var signer = new AuthorisedSigner(Guid.CreateVersion7(now), Id, person.Id, now);
        _signers.Add(signer);
        Raise(new AuthorisedSignerAdded(Guid.CreateVersion7(now), now, PropertyId, Id, signer.Id, person.Id, person.Name, now));
        return signer;
    }

    /// <summary>Withdraws a current authorisation (kept, with the time) and raises <see cref="AuthorisedSignerWithdrawn"/>.</summary>
    public AuthorisedSigner WithdrawSigner(Guid signerId, DateTimeOffset now)
    {
        var signer = _signers.SingleOrDefault(s => s.Id == signerId)
            ?? throw new DomainRuleException($"{Name} has no authorised signer with id '{signerId}'.");
        if (signer.WithdrawnAt is not null)
        {
            throw new DomainRuleException("This authorisation was already withdrawn.");
        }

        now = StoredTime.Of(now);
        signer.Withdraw(now);
        Raise(new AuthorisedSignerWithdrawn(Guid.CreateVersion7(now), now, PropertyId, Id, signer.Id, signer.PersonId, now));
        return signer;
    }

    public AuthorisedSigner? CurrentSignerFor(Guid personId) =>
        _signers.SingleOrDefault(s => s.PersonId == personId && s.WithdrawnAt is null);

    private void LinkTo(Occupant company)
    {
        if (Kind != OccupantKind.Person)
        {
            throw new DomainRuleException("Only a person works for a company.");
        }
        if (company.Kind != OccupantKind.Company)
        {
            throw new DomainRuleException($"{company.Name} is not a company.");
        }
        if (company.PropertyId != PropertyId)
        {
            throw new DomainRuleException($"{company.Name} is an occupant of another property.");
        }
        CompanyId = company.Id;
    }

    private static (string? Phone, string? Email) Contacts(string? phone, string? email)
    {
        var cleanPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        var cleanEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (cleanPhone is null && cleanEmail is null)
        {
            throw new DomainRuleException("An occupant needs a phone number or an email address.");
        }
        if (cleanPhone is not null && PhoneNumber.Problem(cleanPhone) is { } phoneProblem)
        {
            throw new DomainRuleException(phoneProblem);
        }
        if (cleanEmail is not null && EmailAddress.Problem(cleanEmail) is { } emailProblem)
        {
            throw new DomainRuleException(emailProblem);
        }
        return (cleanPhone is null ? null : PhoneNumber.Normalize(cleanPhone), cleanEmail);
    }
}

/// <summary>A person a company authorised to sign its exit passes and similar forms, from one time until withdrawn.</summary>
public sealed class AuthorisedSigner
{
    private AuthorisedSigner()
    {
    }

    internal AuthorisedSigner(Guid id, Guid companyId, Guid personId, DateTimeOffset authorisedAt)
    {
        Id = id;
        CompanyId = companyId;
        PersonId = personId;
        AuthorisedAt = authorisedAt;
    }

    public Guid Id { get; private set; }

    public Guid CompanyId { get; private set; }

    public Guid PersonId { get; private set; }

    public DateTimeOffset AuthorisedAt { get; private set; }

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public bool IsCurrent => WithdrawnAt is null;

    internal void Withdraw(DateTimeOffset now) => WithdrawnAt = now;
}
