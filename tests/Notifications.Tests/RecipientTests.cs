using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Notifications.Tests;

public sealed class RecipientTests
{
    private static readonly Guid PropertyId = Guid.Parse("01a2021f-6f42-7524-9bc3-c51def25cca2");

    [Fact]
    public void A_role_is_addressed_per_property()
    {
        var frontDesk = Recipient.RoleAt(PropertyId, RecipientRole.Frontdesk);

        frontDesk.Key.ShouldBe("role:frontdesk:01a2021f-6f42-7524-9bc3-c51def25cca2");
        Recipient.RoleAt(Guid.NewGuid(), RecipientRole.Frontdesk).Key.ShouldNotBe(frontDesk.Key);
        Recipient.RoleAt(PropertyId, RecipientRole.Supervisor).Key.ShouldNotBe(frontDesk.Key);
    }

    [Fact]
    public void A_person_is_addressed_by_their_id()
    {
        var personId = Guid.NewGuid();

        Recipient.Person(PropertyId, personId).Key.ShouldBe($"person:{personId}");
    }

    [Fact]
    public void A_recipient_belongs_to_a_property()
    {
        Should.Throw<DomainRuleException>(() => Recipient.RoleAt(Guid.Empty, RecipientRole.Frontdesk));
        Should.Throw<DomainRuleException>(() => Recipient.Person(Guid.Empty, Guid.NewGuid()));
    }

    [Fact]
    public void A_person_recipient_needs_the_persons_id() =>
        Should.Throw<DomainRuleException>(() => Recipient.Person(PropertyId, Guid.Empty));

    [Fact]
    public void Only_known_roles_can_be_addressed() =>
        Should.Throw<DomainRuleException>(() => Recipient.RoleAt(PropertyId, (RecipientRole)42));
}
