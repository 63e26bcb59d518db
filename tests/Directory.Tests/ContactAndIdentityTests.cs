using PropertyPlatform.Directory.Domain;

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
