using Microsoft.AspNetCore.DataProtection;
using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Reception.Infrastructure;

/// <summary>
/// Encrypts visitors' and claimants' ID numbers for storage and reads them back for the few who may see them in full
/// (security at check-in, the blocklist check). The purpose string keeps these ciphertexts apart from anything else.
/// </summary>
public sealed class IdNumberProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("PropertyPlatform.Reception.IdNumbers.v1");

    public ProtectedIdNumber Protect(IdentityDocument document) =>
        new(document.Type, document.Masked, _protector.Protect(document.Number));

    /// <summary>A number stored before encryption (already checked and normalised when it was entered).</summary>
    public ProtectedIdNumber ProtectStored(IdDocumentType type, string number) =>
        new(type, IdentityDocument.Mask(number), _protector.Protect(number));

    public string Reveal(string ciphertext) => _protector.Unprotect(ciphertext);
}
