using Microsoft.AspNetCore.DataProtection;
using PropertyPlatform.Notifications.Domain;

namespace PropertyPlatform.Notifications.Contacts;

/// <summary>
/// Encrypts people's email addresses and phone numbers for storage, as Directory encrypts ID numbers: ASP.NET Core
/// Data Protection with a purpose of its own. Masks are what logs and support staff see.
/// </summary>
public sealed class ContactProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PropertyPlatform.Notifications.Contacts.v1");

    public ProtectedValue? ProtectEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : new(MaskEmail(email.Trim()), _protector.Protect(email.Trim()));

    public ProtectedValue? ProtectPhone(string? phone) =>
        string.IsNullOrWhiteSpace(phone) ? null : new(MaskPhone(phone.Trim()), _protector.Protect(phone.Trim()));

    public string Reveal(string ciphertext) => _protector.Unprotect(ciphertext);

    /// <summary><c>zhang.wei@example.com</c> → <c>z***@example.com</c>.</summary>
    public static string MaskEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
    }

    /// <summary><c>13812345678</c> → <c>138****5678</c>; short numbers keep only their last two digits.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length >= 11 ? $"{phone[..3]}****{phone[^4..]}" : $"***{phone[^Math.Min(2, phone.Length)..]}";
}
