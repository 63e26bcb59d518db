using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace PropertyPlatform.Directory.Infrastructure.DataProtection;

internal static class DataProtectionSetup
{
    /// <summary>
    /// ASP.NET Core Data Protection with its key ring in Directory's database (table <c>data_protection_keys</c>).
    /// Keys rotate by themselves (a new one every 90 days; old ones stay to decrypt older values). The key XML
    /// is stored unencrypted: the ciphertexts protect ID numbers wherever the occupants table travels alone
    /// (exports, logs, a copied column), not against someone holding the whole database. To close that, add
    /// <c>ProtectKeysWithCertificate</c> with a certificate kept outside the database.
    /// </summary>
    public static IServiceCollection AddIdNumberProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("PropertyPlatform.Directory");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository = new DatabaseXmlRepository(scopes));
        services.AddSingleton<IdNumberProtector>();
        return services;
    }
}
