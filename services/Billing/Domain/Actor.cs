using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Billing.Domain;

/// <summary>Who took a step: the Directory person id and the name they had at that moment, from their access token.</summary>
public sealed record Actor(Guid PersonId, string Name)
{
    public const int NameMaxLength = 100;

    public static Actor Of(Caller caller) =>
        new(caller.PersonId, caller.Name.Length > NameMaxLength ? caller.Name[..NameMaxLength] : caller.Name);
}
