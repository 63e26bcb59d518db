namespace PropertyPlatform.Directory.Infrastructure.Auditing;

/// <summary>
/// Who is making the current change, for the audit trail. Until sign-in exists the caller names itself in the
/// <c>X-Actor</c> header; without one (or outside a request) it is <c>system</c>.
/// The auth step must replace the header with the signed-in caller (the token's subject and name) and stop
/// trusting the header.
/// </summary>
public sealed class AuditActor(IHttpContextAccessor http)
{
    public const string Header = "X-Actor";

    public const string System = "system";

    public string Current
    {
        get
        {
            var named = http.HttpContext?.Request.Headers[Header].ToString().Trim();
            return string.IsNullOrEmpty(named) ? System : named[..Math.Min(named.Length, AuditEntry.ActorMaxLength)];
        }
    }
}
