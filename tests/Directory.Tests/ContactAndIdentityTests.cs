using PropertyPlatform.Directory.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Directory.Tests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("138 0013 8000", "13800138000")]
    [InlineData("138-0013-8000", "13800138000")]
    [InlineData("010-12345678", "01012345678")]
    [InlineData("(0755) 2345678", "07552345678")]
    [InlineData("+852 9123 4567", "+85291234567")]
    [InlineData("+8613800138000", "+8613800138000")]
    public void Mainland_mobiles_landlines_with_area_code_and_international_numbers_are_accepted_and_normalised(string typed, string stored)
    {
        PhoneNumber.Problem(typed).ShouldBeNull();
        PhoneNumber.Normalize(typed).ShouldBe(stored);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1380013800")] // 10 digits
    [InlineData("138001380001")] // 12 digits
    [InlineData("12800138000")] // no mobile starts with 12
    [InlineData("1380013800a")]
    [InlineData("phone: 13800138000")]
    [InlineData("+0123456789")]
    [InlineData("+1234567890123456")] // more than 15 digits
    [InlineData("12345678")] // a local number without its area code
    [InlineData(null)]
    public void Anything_else_is_refused_with_a_reason(string? typed) =>
        PhoneNumber.Problem(typed).ShouldBe(PhoneNumber.Rule);

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("01012345678", "010****5678")]
    [InlineData("+85291234567", "+85*****4567")]
    public void Lists_show_the_first_three_and_last_four_characters(string phone, string masked) =>
        PhoneNumber.Mask(phone).ShouldBe(masked);
}

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("li.lei@example.com")]
    [InlineData("wang+property@mail.example.cn")]
    public void Ordinary_addresses_are_accepted(string email) => EmailAddress.Problem(email).ShouldBeNull();

    [Theory]
    [InlineData("li.lei")]
    [InlineData("li lei@example.com")]
    [InlineData("@example.com")]
    [InlineData("li@example")]
    [InlineData(null)]
    public void Malformed_addresses_are_refused(string? email) => EmailAddress.Problem(email).ShouldBe(EmailAddress.Rule);
}

public sealed class IdentityDocumentTests
{
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

    [Theory]
    [InlineData("110101199003071233", "110***********1233")]
    [InlineData("E12345678", "*****5678")]
    [InlineData("E1234", "*****")]
    public void The_masked_form_keeps_only_what_does_not_identify(string number, string masked) =>
        IdentityDocument.Mask(number).ShouldBe(masked);
}
