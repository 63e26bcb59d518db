using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Domain;

/// <summary>The roles of DOMAIN.md that messages can be addressed to.</summary>
public enum RecipientRole
{
    Occupant,
    Frontdesk,
    Supervisor,
    Manager,
    Engineer,
    Security,
    Finance,
    Admin,
}

/// <summary>
/// Who a message is for: everyone holding a role at a property (the front desk of 国贸中心), or one person.
/// There are no accounts yet, so today's messages go to roles; a person id is there for when accounts exist.
/// </summary>
public sealed record Recipient
{
    private Recipient(Guid propertyId, RecipientRole? role, Guid? personId)
    {
        PropertyId = propertyId;
        Role = role;
        PersonId = personId;
    }

    public Guid PropertyId { get; }

    public RecipientRole? Role { get; }

    public Guid? PersonId { get; }

    /// <summary>One text per recipient, e.g. <c>role:frontdesk:{propertyId}</c>; a message is stored once per event and key.</summary>
    public string Key => Role is { } role
        ? $"role:{JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString())}:{PropertyId}"
        : $"person:{PersonId}";

    public static Recipient RoleAt(Guid propertyId, RecipientRole role)
    {
        RequireProperty(propertyId);
        return Enum.IsDefined(role) ? new(propertyId, role, null) : throw new DomainRuleException($"'{role}' is not a known role.");
    }

    public static Recipient Person(Guid propertyId, Guid personId)
    {
        RequireProperty(propertyId);
        return personId != Guid.Empty ? new(propertyId, null, personId) : throw new DomainRuleException("A person recipient needs the person's id.");
    }

    private static void RequireProperty(Guid propertyId)
    {
        if (propertyId == Guid.Empty)
        {
            throw new DomainRuleException("A recipient belongs to a property.");
        }
    }
}
