namespace PropertyPlatform.ServiceDefaults.Auth;

/// <summary>The platform's roles, as they appear in the access token's <c>role</c> claims.</summary>
public static class Roles
{
    public const string Occupant = "occupant";
    public const string FrontDesk = "frontdesk";
    public const string Supervisor = "supervisor";
    public const string Manager = "manager";
    public const string Engineer = "engineer";
    public const string Security = "security";
    public const string Finance = "finance";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Occupant, FrontDesk, Supervisor, Manager, Engineer, Security, Finance, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
