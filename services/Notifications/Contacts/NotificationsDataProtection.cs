using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.DataProtection;

namespace PropertyPlatform.Notifications.Contacts;

internal static class NotificationsDataProtection
{
    /// <summary>
    /// Contacts are encrypted with the platform's personal-data protection (see <see cref="PersonalDataProtection"/>):
    /// the key ring in <c>Notifications:DataProtection:KeysPath</c> when set, otherwise in Notifications' own database.
    /// </summary>
    public static IHostApplicationBuilder AddContactProtection(this IHostApplicationBuilder builder)
    {
        builder.AddPersonalDataProtection<NotificationsDbContext>("Notifications");
        builder.Services.AddSingleton<ContactProtector>();
        return builder;
    }
}
