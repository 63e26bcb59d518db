using Microsoft.AspNetCore.DataProtection;
using PropertyPlatform.Notifications.Infrastructure;

namespace PropertyPlatform.Notifications.Contacts;

internal static class NotificationsDataProtection
{
    /// <summary>
    /// ASP.NET Core Data Protection for contacts, set up as Directory's is: its key ring in a folder when
    /// <c>Notifications:DataProtection:KeysPath</c> is set (the production choice: a copy of the database alone cannot
    /// read contacts; replicas share the folder), otherwise in Notifications' own database (table <c>data_protection_keys</c>,
    /// through the library's EF Core store), so every replica and restart decrypts what another wrote.
    /// </summary>
    public static IHostApplicationBuilder AddContactProtection(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("PropertyPlatform.Notifications");
        if (builder.Configuration["Notifications:DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
        else
        {
            dataProtection.PersistKeysToDbContext<NotificationsDbContext>();
        }
        builder.Services.AddSingleton<ContactProtector>();
        return builder;
    }
}
