using PropertyPlatform.Reception.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Reception.Tests;

public sealed class IdDocumentTests
{
    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X")]
    [InlineData("11010519491231002x", "11010519491231002X")] // lower-case check character
    [InlineData("110105 19491231 002X", "11010519491231002X")] // typed in groups
    [InlineData("440524188001010014", "440524188001010014")]
    public void A_resident_identity_card_with_a_matching_check_character_is_accepted(string typed, string stored) =>
        IdDocument.Create(IdDocumentType.ResidentIdCard, typed).Number.ShouldBe(stored);

    [Theory]
    [InlineData("110105194912310021")] // one digit off: the check character no longer matches
    [InlineData("11010519491231002")] // 17 characters
    [InlineData("1101051949123100211")] // 19 characters
    [InlineData("110105194912310X2X")] // X inside
    [InlineData("")]
    public void A_resident_identity_card_number_that_cannot_be_right_is_refused(string number)
    {
        IdDocument.Problem(IdDocumentType.ResidentIdCard, number).ShouldNotBeNull();
        Should.Throw<DomainRuleException>(() => IdDocument.Create(IdDocumentType.ResidentIdCard, number));
    }

    [Theory]
    [InlineData("E12345678")]
    [InlineData("g1234567")]
    [InlineData("12345")]
    public void A_passport_number_of_letters_and_digits_is_accepted(string number) =>
        IdDocument.Problem(IdDocumentType.Passport, number).ShouldBeNull();

    [Fact]
    public void A_five_character_passport_number_is_the_shortest_accepted() =>
        IdDocument.Create(IdDocumentType.Passport, "e1234").Number.ShouldBe("E1234");

    [Theory]
    [InlineData("E123")]
    [InlineData("E1234567890123456789X")]
    [InlineData("E1234-678")]
    public void A_passport_number_that_cannot_be_right_is_refused(string number) =>
        IdDocument.Problem(IdDocumentType.Passport, number).ShouldNotBeNull();

    [Theory]
    [InlineData("H12345678")]
    [InlineData("C-1234-5678")]
    public void Other_documents_accept_letters_digits_and_dashes(string number) =>
        IdDocument.Problem(IdDocumentType.Other, number).ShouldBeNull();

    [Theory]
    [InlineData("AB1")]
    [InlineData("-1234")]
    [InlineData("护照12345")]
    public void Other_documents_refuse_what_a_guard_could_not_check(string number) =>
        IdDocument.Problem(IdDocumentType.Other, number).ShouldNotBeNull();

    [Theory]
    [InlineData("110105194912311234", "110***********1234")]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("E12345678", "*****5678")]
    [InlineData("12345678", "****5678")]
    [InlineData("E1234", "****4")]
    [InlineData("A", "*")]
    [InlineData("", "")]
    public void Views_show_the_number_masked(string number, string masked) =>
        IdDocument.Mask(number).ShouldBe(masked);

    [Fact]
    public void A_document_masks_its_own_number() =>
        IdDocument.Create(IdDocumentType.ResidentIdCard, "11010519491231002X").Masked.ShouldBe("110***********002X");
}
