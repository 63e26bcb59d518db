using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.Infrastructure.Auditing;

/// <summary>
/// Who is making the current change, for the audit trail: the signed-in caller as their validated access token
/// names them (person id and name). Nothing the client sends besides the token counts. Outside a request (start-up
/// work such as the demo data) it is <see cref="System"/>.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    public const string System = "system";

    public (Guid? PersonId, string Name) Current
    {
        get
        {
            var caller = http.HttpContext is { } context ? Caller.From(context.User) : Caller.Anonymous;
            if (!caller.IsAuthenticated)
            {
                return (null, System);
            }
            var name = string.IsNullOrWhiteSpace(caller.Name) ? caller.PersonId.ToString() : caller.Name.Trim();
            return (caller.PersonId, name[..Math.Min(name.Length, AuditEntry.ActorMaxLength)]);
        }
    }
}
