using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// A member of the property company's staff: their department, the properties they work in and their roles
/// (their account's tokens carry these, read at each sign-in and refresh). Their id is the person id other services use, e.g.
/// as a work order's assignee.
/// </summary>
public sealed class StaffMember : AggregateRoot
{
    public const int NameMaxLength = 100;

    private StaffMember()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Normalised (<see cref="PhoneNumber.Normalize"/>).</summary>
    public string Phone { get; private set; } = "";

    /// <summary>Optional (trimmed, <see cref="EmailAddress"/>): where Notifications emails them; null: no email.</summary>
    public string? Email { get; private set; }

    public Department Department { get; private set; }

    /// <summary>Distinct, in the order of <see cref="StaffRole"/>.</summary>
    public List<StaffRole> Roles { get; private set; } = [];

    /// <summary>Distinct and sorted, so an unchanged assignment compares equal.</summary>
    public List<Guid> PropertyIds { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>
    /// When the record last changed: the <c>OccurredAt</c> of the <see cref="StaffChanged"/> events that announced its
    /// current state, so services keeping a copy tell a newer state from an older one (<see cref="StaffRecord.Version"/>).
    /// </summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>
    /// Registers a staff member and raises <see cref="StaffChanged"/> for each of their properties. The caller
    /// checks that the properties exist.
    /// </summary>
    public static StaffMember Register(
        string name, string phone, Department department, IEnumerable<StaffRole> roles, IEnumerable<Guid> propertyIds, DateTimeOffset now,
        string? email = null)
    {
        now = StoredTime.Of(now);
        var staff = new StaffMember { Id = Guid.CreateVersion7(now), RegisteredAt = now, ChangedAt = now };
        staff.Apply(name, phone, email, department, roles, propertyIds);
        staff.Announce([], now);
        return staff;
    }

    /// <summary>
    /// Replaces the record (a null <paramref name="email"/> removes it); raises <see cref="StaffChanged"/> for every
    /// property they work in or were taken off, and nothing when nothing changed.
    /// </summary>
    public void Change(
        string name, string phone, Department department, IEnumerable<StaffRole> roles, IEnumerable<Guid> propertyIds, DateTimeOffset now,
        string? email = null)
    {
        var before = (Name, Phone, Email, Department, Roles: Roles.ToList(), PropertyIds: PropertyIds.ToList());
        Apply(name, phone, email, department, roles, propertyIds);
        if (before.Name == Name && before.Phone == Phone && before.Email == Email && before.Department == Department
            && before.Roles.SequenceEqual(Roles) && before.PropertyIds.SequenceEqual(PropertyIds))
        {
            return;
        }
        ChangedAt = RecordVersion.Next(ChangedAt, now);
        Announce(before.PropertyIds, ChangedAt);
    }

    private void Apply(string name, string phone, string? email, Department department, IEnumerable<StaffRole> roles, IEnumerable<Guid> propertyIds)
    {
        var newName = Text.Required(name, NameMaxLength, "A staff member's name");
        if (PhoneNumber.Problem(phone) is { } phoneProblem)
        {
            throw new DomainRuleException(phoneProblem);
        }
        var newEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (newEmail is not null && EmailAddress.Problem(newEmail) is { } emailProblem)
        {
            throw new DomainRuleException(emailProblem);
        }
        var newDepartment = Text.Defined(department, "department");
        var newRoles = roles.Select(r => Text.Defined(r, "staff role")).Distinct().Order().ToList();
        if (newRoles.Count == 0)
        {
            throw new DomainRuleException("A staff member needs at least one role.");
        }
        var newProperties = propertyIds.Distinct().Order().ToList();
        if (newProperties.Count == 0 || newProperties.Contains(Guid.Empty))
        {
            throw new DomainRuleException("A staff member works in at least one property.");
        }

        Name = newName;
        Phone = PhoneNumber.Normalize(phone);
        Email = newEmail;
        Department = newDepartment;
        Roles = newRoles;
        PropertyIds = newProperties;
    }

    private void Announce(IEnumerable<Guid> previousProperties, DateTimeOffset now)
    {
        foreach (var propertyId in PropertyIds.Union(previousProperties).Order())
        {
            Raise(new StaffChanged(
                Guid.CreateVersion7(now), now, propertyId, Id, PropertyIds.Contains(propertyId), Name, Phone, Department,
                Roles.ToList(), PropertyIds.ToList(), Email));
        }
    }
}
