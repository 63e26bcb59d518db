using Microsoft.AspNetCore.DataProtection;
using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Infrastructure.DataProtection;

/// <summary>
/// Encrypts ID numbers for storage and decrypts them for the few who may see them in full. The purpose string
/// isolates these ciphertexts from anything else protected with the same keys.
/// </summary>
public sealed class IdNumberProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PropertyPlatform.Directory.IdNumbers.v1");

    public ProtectedIdNumber Protect(IdentityDocument document) =>
        new(document.Type, document.Masked, _protector.Protect(document.Number));

    public string Reveal(string ciphertext) => _protector.Unprotect(ciphertext);
}
