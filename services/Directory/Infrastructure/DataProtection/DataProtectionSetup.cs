using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PropertyPlatform.Directory.Infrastructure.DataProtection;

internal static class DataProtectionSetup
{
    /// <summary>
    /// Directory's one ASP.NET Core Data Protection setup. It encrypts occupants' ID numbers and the private parts of
    /// the token-signing keys. Where its own key ring lives:
    /// - <c>Directory:DataProtection:KeysPath</c> set: in that folder, outside the database, so a copy of the database
    ///   alone can neither read ID numbers nor sign tokens (the production choice; replicas must share the folder);
    /// - otherwise: in Directory's database (table <c>data_protection_keys</c>), so replicas anywhere share it; the key XML
    ///   is then unencrypted and protects ID numbers only where the occupants table travels alone (exports, a copied column).
    /// Keys rotate by themselves (a new one every 90 days; old ones stay to decrypt older values).
    /// Called from both the sign-in and the people registrations; registering twice is harmless.
    /// </summary>
    public static IHostApplicationBuilder AddDirectoryDataProtection(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("PropertyPlatform.Directory");
        if (builder.Configuration["Directory:DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
        else
        {
            builder.Services.AddOptions<KeyManagementOptions>()
                .Configure<IServiceScopeFactory>((options, scopes) => options.XmlRepository ??= new DatabaseXmlRepository(scopes));
        }
        builder.Services.TryAddSingleton<IdNumberProtector>();
        return builder;
    }
}
