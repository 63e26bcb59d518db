using Microsoft.AspNetCore.DataProtection;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.Reception.Infrastructure;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Reception.Tests;

/// <summary>ID numbers protected as the service does, with keys that live only in memory for the test run.</summary>
internal static class TestIdNumbers
{
    public const string Card = "11010519491231002X";

    public static readonly IdNumberProtector Protector = new(new EphemeralDataProtectionProvider());

    public static ProtectedIdNumber Protected(string number = Card) =>
        Protector.Protect(IdentityDocument.Create(IdDocumentType.ResidentIdCard, number));
}
