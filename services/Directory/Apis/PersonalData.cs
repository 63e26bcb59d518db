namespace PropertyPlatform.Directory.Apis;

/// <summary>
/// Who may see personal data in full. Owner records (业主档案) are confidential: ID numbers are shown masked
/// unless the caller's role needs them. Roles do not exist yet, so nobody sees them in full; the auth step
/// decides here from the caller's roles (e.g. admin and manager) and every endpoint follows.
/// </summary>
internal static class PersonalData
{
#pragma warning disable IDE0060 // The caller is what the auth step will decide by.
    public static bool MayRevealIdNumbers(HttpContext caller) => false;
#pragma warning restore IDE0060
}
