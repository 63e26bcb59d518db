using System.Text.Json;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Notifications.Push;

/// <summary>
/// The SignalR groups that carry new inbox entries live, built so that a connection hears exactly the entries its
/// caller may read in the inbox (InboxApi's VisibleTo): a message to one person reaches that person at the message's
/// property; a message to a staff role reaches the holders of that role there, and those who oversee every role
/// (supervisors, managers, administrators); never an occupant by role. A caller of every property listens under
/// "*" instead of each property. Each connection is in at most one group an entry is sent to, so it hears it once,
/// and groups carry the connection's language so each gets the text it reads.
/// </summary>
public static class InboxGroups
{
    private const string AnyProperty = "*";

    /// <summary>The groups a connection of <paramref name="caller"/> joins.</summary>
    public static IReadOnlyList<string> Listening(Caller caller, Language language)
    {
        if (!caller.IsAuthenticated)
        {
            return [];
        }
        // As the inbox: staff of every property see every property; an occupant only those their token names.
        var properties = caller.IsStaff && caller.AllProperties ? [AnyProperty] : caller.PropertyIds.Select(p => p.ToString()).ToList();
        var oversees = caller.IsInAnyRole(Roles.Supervisor, Roles.Manager, Roles.Admin);
        var roles = Enum.GetValues<RecipientRole>().Where(r => r != RecipientRole.Occupant && caller.IsInRole(RoleName(r))).ToList();

        var groups = new List<string>();
        foreach (var property in properties)
        {
            groups.Add(Person(caller.PersonId, property, language));
            if (oversees)
            {
                groups.Add(Overseers(property, language)); // every role's messages, so not also each role's group
            }
            else
            {
                groups.AddRange(roles.Select(role => Role(role, property, language)));
            }
        }
        return groups;
    }

    /// <summary>The groups <paramref name="entry"/> is sent to, for the connections reading <paramref name="language"/>.</summary>
    public static IReadOnlyList<string> Receiving(InboxEntry entry, Language language)
    {
        var property = entry.PropertyId.ToString();
        if (entry.RecipientPersonId is { } personId)
        {
            return [Person(personId, property, language), Person(personId, AnyProperty, language)];
        }
        var role = entry.RecipientRole!.Value;
        return
        [
            Role(role, property, language), Role(role, AnyProperty, language),
            Overseers(property, language), Overseers(AnyProperty, language),
        ];
    }

    private static string Person(Guid personId, string property, Language language) => $"person:{personId}@{property}/{language.Tag()}";

    private static string Role(RecipientRole role, string property, Language language) => $"role:{RoleName(role)}@{property}/{language.Tag()}";

    private static string Overseers(string property, Language language) => $"oversee@{property}/{language.Tag()}";

    private static string RoleName(RecipientRole role) => JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());
}
