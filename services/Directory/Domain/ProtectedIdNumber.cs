using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Directory.Domain;

/// <summary>
/// An ID number as it is stored: encrypted (only Directory's data-protection keys can read it back) and
/// masked for everyone who may not see it in full.
/// </summary>
public sealed record ProtectedIdNumber(IdDocumentType Type, string Masked, string Ciphertext)
{
    /// <summary>Ciphertexts of Data Protection for an ID number are about 150 characters; room for key growth.</summary>
    public const int CiphertextMaxLength = 512;

    public const int MaskedMaxLength = 32;
}
