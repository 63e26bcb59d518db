using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.Tests.Domain;

/// <summary>The one check and mask of identity documents, used by Directory (owner records) and Reception (visitors).</summary>
public sealed class IdentityDocumentTests
{
    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData("11010519491231002x", "11010519491231002X")] // lower-case check character
    [InlineData("110105 19491231 002X", "11010519491231002X")] // typed in groups
    [InlineData("110101199003071233", "110101199003071233")]
    public void A_resident_identity_card_with_a_matching_check_character_is_accepted(string typed, string stored) =>
        IdentityDocument.Create(IdDocumentType.ResidentIdCard, typed).Number.ShouldBe(stored);

    [Theory]
    [InlineData("110105194912310021")] // one digit off: the check character no longer matches
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("110105194912310X2X")] // X inside
    [InlineData("")]
    public void A_resident_identity_card_number_that_cannot_be_right_is_refused(string number)
    {
        IdentityDocument.Problem(IdDocumentType.ResidentIdCard, number).ShouldNotBeNull();
        Should.Throw<DomainRuleException>(() => IdentityDocument.Create(IdDocumentType.ResidentIdCard, number));
    }

    [Theory]
    [InlineData("E12345678")]
    [InlineData("g1234567")]
    [InlineData("12345")]
    public void A_passport_number_of_letters_and_digits_is_accepted(string number) =>
        IdentityDocument.Problem(IdDocumentType.Passport, number).ShouldBeNull();

    [Fact]
    public void A_five_character_passport_number_is_the_shortest_accepted() =>
        IdentityDocument.Create(IdDocumentType.Passport, "e1234").Number.ShouldBe("E1234");

    [Theory]
    [InlineData("E123")]
    [InlineData("E1234567890123456789X")]
    [InlineData("E1234-678")]
    public void A_passport_number_that_cannot_be_right_is_refused(string number) =>
        IdentityDocument.Problem(IdDocumentType.Passport, number).ShouldNotBeNull();

    [Theory]
    [InlineData("H12345678")]
    [InlineData("C-1234-5678")]
    public void Other_documents_accept_letters_digits_and_dashes(string number) =>
        IdentityDocument.Problem(IdDocumentType.Other, number).ShouldBeNull();

    [Theory]
    [InlineData("AB1")]
    [InlineData("-1234")]
    [InlineData("护照12345")]
    public void Other_documents_refuse_what_a_guard_could_not_check(string number) =>
        IdentityDocument.Problem(IdDocumentType.Other, number).ShouldNotBeNull();

    [Theory]
    [InlineData("110105194912311234", "110***********1234")]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("E12345678", "*****5678")]
    [InlineData("12345678", "****5678")]
    [InlineData("E1234", "*****")] // too short to show any of it
    [InlineData("A", "*")]
    [InlineData("", "")]
    public void Views_show_the_number_masked(string number, string masked) =>
        IdentityDocument.Mask(number).ShouldBe(masked);

    [Fact]
    public void A_document_masks_its_own_number() =>
        IdentityDocument.Create(IdDocumentType.ResidentIdCard, "11010519491231002X").Masked.ShouldBe("110***********002X");

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")] // the check character is read in either case
    [InlineData("110101199003071233")]
    [InlineData(" 4403 0419 8511 2045 67 ")]
    public void A_resident_id_card_with_a_valid_birth_date_and_check_character_is_accepted(string number)
    {
        IdentityDocument.Problem(IdDocumentType.ResidentIdCard, number).ShouldBeNull();
        IdentityDocument.Create(IdDocumentType.ResidentIdCard, number).Number.ShouldNotContain(" ");
    }

    [Theory]
    [InlineData("110101199003071234", "check character")] // one digit off
    [InlineData("110101199013071237", "date of birth")] // month 13, check character right
    [InlineData("110101180013071237", "date of birth")]
    [InlineData("11010119900307123", "17 digits")] // too short
    [InlineData("1101011990030712X3", "17 digits")]
    [InlineData("", "17 digits")]
    public void A_resident_id_card_number_that_cannot_be_real_is_refused_with_the_reason(string number, string reason)
    {
        IdentityDocument.Problem(IdDocumentType.ResidentIdCard, number)!.ShouldContain(reason);
        Should.Throw<DomainRuleException>(() => IdentityDocument.Create(IdDocumentType.ResidentIdCard, number));
    }

    [Fact]
    public void Passports_and_other_documents_are_checked_for_their_shape_only()
    {
        IdentityDocument.Problem(IdDocumentType.Passport, "E12345678").ShouldBeNull();
        IdentityDocument.Problem(IdDocumentType.Passport, "E1234").ShouldBeNull();
        IdentityDocument.Problem(IdDocumentType.Passport, "E-123456").ShouldNotBeNull();
        IdentityDocument.Problem(IdDocumentType.Other, "H1234567-01").ShouldBeNull();
        IdentityDocument.Problem(IdDocumentType.Other, "H1").ShouldNotBeNull();
        IdentityDocument.Problem((IdDocumentType)42, "H1234567").ShouldNotBeNull();
    }
}
