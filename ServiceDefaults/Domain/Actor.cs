namespace PropertyPlatform.ServiceDefaults.Domain;

/// <summary>
/// The person who did something, as records keep them (who took, dispatched, completed…): their person id and
/// their name at the time, so a record reads right even after the person's name changes. Endpoints get it from
/// the access token (<c>caller.AsActor()</c>), never from the request body.
/// </summary>
public sealed record Actor(Guid PersonId, string Name)
{
    /// <summary>Records keep a name of at most this length.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The platform itself (a sweeper, a consumer), for changes nobody asked for in person.</summary>
    public static readonly Actor System = new(Guid.Empty, "system");
}
