using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PropertyPlatform.ServiceDefaults.DataProtection;

public static class PersonalDataProtection
{
    /// <summary>
    /// ASP.NET Core Data Protection for a service's personal data (ID numbers, contacts), the same way everywhere: its
    /// key ring in a folder when <c>&lt;service&gt;:DataProtection:KeysPath</c> is set (the production choice: a copy of
    /// the database alone cannot read the data; replicas share the folder), otherwise in the service's own database
    /// (table <c>data_protection_keys</c>, the library's EF Core store), so every replica and restart decrypts what
    /// another wrote. Keys rotate by themselves; old ones stay to decrypt older values. The application name keeps one
    /// service's ciphertexts unreadable to another.
    /// </summary>
    public static IDataProtectionBuilder AddPersonalDataProtection<TDbContext>(this IHostApplicationBuilder builder, string service)
        where TDbContext : DbContext, IDataProtectionKeyContext
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName($"PropertyPlatform.{service}");
        if (builder.Configuration[$"{service}:DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
        else
        {
            dataProtection.PersistKeysToDbContext<TDbContext>();
        }
        return dataProtection;
    }
}
