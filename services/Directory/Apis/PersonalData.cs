using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.Directory.Apis;

/// <summary>
/// Who may see personal data in full. Owner records (业主档案) are confidential: ID numbers are shown in full
/// only on one occupant's record and only to administrators and managers, who decide on contracts, disputes
/// and compensation; everyone else, and every list, reads them masked.
/// </summary>
internal static class PersonalData
{
    public static bool MayRevealIdNumbers(Caller caller) => caller.IsInAnyRole(Roles.Admin, Roles.Manager);
}
