using System.Security.Claims;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Push;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>A connection hears a new entry live exactly when its caller may read it in the inbox, and once.</summary>
public sealed class InboxGroupsTests
{
    private static readonly Guid PropertyA = Guid.NewGuid();

    private static readonly Guid PropertyB = Guid.NewGuid();

    private static readonly Guid Person = Guid.NewGuid();

    private static readonly MessageText Text = new("新报修单", "1201", "New repair request", "1201");

    [Fact]
    public void A_message_to_one_person_reaches_that_person_at_its_property_and_nobody_else()
    {
        var entry = To(Recipient.Person(PropertyA, Person));

        Hears(Caller(Person, [Roles.Occupant], PropertyA), entry).ShouldBe(1);
        Hears(Caller(Person, [Roles.FrontDesk], PropertyA, PropertyB), entry).ShouldBe(1);
        Hears(Caller(Person, [Roles.Occupant], PropertyB), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Occupant], PropertyA), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Supervisor], PropertyA), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Admin], allProperties: true), entry).ShouldBe(0);
    }

    [Fact]
    public void A_person_of_every_property_hears_their_own_messages_at_any_property()
    {
        Hears(Caller(Person, [Roles.Admin], allProperties: true), To(Recipient.Person(PropertyB, Person))).ShouldBe(1);
    }

    [Fact]
    public void A_message_to_a_role_reaches_its_holders_at_the_property_and_those_who_oversee_every_role()
    {
        var entry = To(Recipient.RoleAt(PropertyA, RecipientRole.Frontdesk));

        Hears(Caller(Guid.NewGuid(), [Roles.FrontDesk], PropertyA), entry).ShouldBe(1);
        Hears(Caller(Guid.NewGuid(), [Roles.FrontDesk, Roles.Engineer], PropertyA), entry).ShouldBe(1);
        Hears(Caller(Guid.NewGuid(), [Roles.Supervisor], PropertyA), entry).ShouldBe(1);
        Hears(Caller(Guid.NewGuid(), [Roles.Manager, Roles.FrontDesk], PropertyA), entry).ShouldBe(1);
        Hears(Caller(Guid.NewGuid(), [Roles.Admin], allProperties: true), entry).ShouldBe(1);

        Hears(Caller(Guid.NewGuid(), [Roles.FrontDesk], PropertyB), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Supervisor], PropertyB), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Engineer], PropertyA), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Occupant], PropertyA), entry).ShouldBe(0);
    }

    [Fact]
    public void Staff_of_every_property_hear_their_roles_messages_at_any_property()
    {
        Hears(Caller(Guid.NewGuid(), [Roles.Engineer], allProperties: true), To(Recipient.RoleAt(PropertyB, RecipientRole.Engineer))).ShouldBe(1);
    }

    [Fact]
    public void No_occupant_hears_a_message_to_every_occupant_but_those_who_oversee_do()
    {
        var entry = To(Recipient.RoleAt(PropertyA, RecipientRole.Occupant));

        Hears(Caller(Guid.NewGuid(), [Roles.Occupant], PropertyA), entry).ShouldBe(0);
        Hears(Caller(Guid.NewGuid(), [Roles.Supervisor], PropertyA), entry).ShouldBe(1);
    }

    [Fact]
    public void Each_connection_hears_the_entry_in_its_own_language_only()
    {
        var entry = To(Recipient.RoleAt(PropertyA, RecipientRole.Frontdesk));
        var desk = Caller(Guid.NewGuid(), [Roles.FrontDesk], PropertyA);

        InboxGroups.Listening(desk, Language.En).Intersect(InboxGroups.Receiving(entry, Language.En)).Count().ShouldBe(1);
        InboxGroups.Listening(desk, Language.En).Intersect(InboxGroups.Receiving(entry, Language.ZhCn)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_valid_token_a_connection_hears_nothing() =>
        InboxGroups.Listening(ServiceDefaults.Auth.Caller.Anonymous, Language.ZhCn).ShouldBeEmpty();

    /// <summary>How many of the groups the entry is sent to the connection is in: its copies of the entry.</summary>
    private static int Hears(Caller caller, InboxEntry entry) =>
        InboxGroups.Listening(caller, Language.ZhCn).Intersect(InboxGroups.Receiving(entry, Language.ZhCn)).Count();

    private static InboxEntry To(Recipient recipient) =>
        InboxEntry.Deliver(recipient, Text, "/api/workorders/work-orders/1", Guid.NewGuid(), DateTimeOffset.UtcNow);

    private static Caller Caller(Guid personId, string[] roles, params Guid[] properties) => Caller(personId, roles, false, properties);

    private static Caller Caller(Guid personId, string[] roles, bool allProperties, params Guid[] properties)
    {
        List<Claim> claims = [new(PlatformClaims.Subject, personId.ToString()), new(PlatformClaims.Name, "测试")];
        claims.AddRange(roles.Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(allProperties ? [new Claim(PlatformClaims.Property, PlatformClaims.AllProperties)] : properties.Select(p => new Claim(PlatformClaims.Property, p.ToString())));
        return ServiceDefaults.Auth.Caller.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
    }
}
