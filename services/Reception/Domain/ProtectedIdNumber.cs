using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Reception.Domain;

/// <summary>
/// An ID number as Reception stores it: encrypted (only Reception's data-protection keys read it back, for security
/// at the gate) and masked for everyone else.
/// </summary>
public sealed record ProtectedIdNumber(IdDocumentType Type, string Masked, string Ciphertext)
{
    /// <summary>Data Protection's ciphertext of an ID number is about 150 characters; room for key growth.</summary>
    public const int CiphertextMaxLength = 512;

    public const int MaskedMaxLength = 32;
}
