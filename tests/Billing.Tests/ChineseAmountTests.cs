using System.Globalization;
using PropertyPlatform.Billing.Domain;

namespace PropertyPlatform.Billing.Tests;

/// <summary>
/// Amounts in capitals as the People's Bank rules for bills write them (see <see cref="ChineseAmount"/>).
/// Amounts are strings here because attributes cannot carry decimals.
/// </summary>
public sealed class ChineseAmountTests
{
    [Theory]
    // The examples of the issue.
    [InlineData("123.45", "壹佰贰拾叁元肆角伍分")]
    [InlineData("100", "壹佰元整")]
    [InlineData("1005.07", "壹仟零伍元零柒分")]
    [InlineData("0.50", "伍角")]
    // The issue wrote 拾元整; the bill rules write the 壹 of 壹拾 (拾 is a position, and a bare 拾 invites alteration).
    [InlineData("10.00", "壹拾元整")]
    // The People's Bank's own examples (正确填写票据和结算凭证的基本规定).
    [InlineData("1409.50", "壹仟肆佰零玖元伍角")]
    [InlineData("6007.14", "陆仟零柒元壹角肆分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元零叁角贰分")]
    [InlineData("107000.53", "壹拾万柒仟元零伍角叁分")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    public void Standard_examples(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("0", "零元整")]
    [InlineData("0.00", "零元整")]
    [InlineData("0.01", "壹分")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.10", "壹角")]
    [InlineData("0.55", "伍角伍分")]
    [InlineData("0.99", "玖角玖分")]
    public void Amounts_under_one_yuan_have_no_yuan_and_no_leading_zero(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("1", "壹元整")]
    [InlineData("1.00", "壹元整")]
    [InlineData("1.000", "壹元整")] // a scale beyond the fen is fine while the value is whole fen
    [InlineData("20", "贰拾元整")]
    [InlineData("9999", "玖仟玖佰玖拾玖元整")]
    public void Whole_yuan_end_with_zheng(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("1.10", "壹元壹角")]
    [InlineData("2000.20", "贰仟元零贰角")] // 元 digit zero, 角 not: one 零
    [InlineData("10.50", "壹拾元零伍角")]
    public void Jiao_without_fen_has_no_zheng(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("1.01", "壹元零壹分")]
    [InlineData("10.05", "壹拾元零伍分")]
    [InlineData("100.09", "壹佰元零玖分")]
    public void Fen_without_jiao_takes_a_zero_after_yuan(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("11", "壹拾壹元整")]
    [InlineData("15", "壹拾伍元整")]
    [InlineData("110", "壹佰壹拾元整")]
    [InlineData("100000", "壹拾万元整")]
    [InlineData("1000000000", "壹拾亿元整")]
    public void Shi_is_always_written_with_its_digit(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("101", "壹佰零壹元整")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("1100", "壹仟壹佰元整")]
    [InlineData("10001", "壹万零壹元整")]
    [InlineData("10010", "壹万零壹拾元整")]
    [InlineData("10100", "壹万零壹佰元整")]
    [InlineData("100700", "壹拾万零柒佰元整")]
    [InlineData("10203040.50", "壹仟零贰拾万叁仟零肆拾元零伍角")]
    public void A_run_of_zeros_between_digits_is_one_ling(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("10000", "壹万元整")]
    [InlineData("11000", "壹万壹仟元整")]
    [InlineData("1000000", "壹佰万元整")]
    [InlineData("10000000", "壹仟万元整")]
    [InlineData("12345678", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整")]
    public void Wan(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Theory]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("100001000", "壹亿零壹仟元整")] // a whole 万 section of zeros is one 零
    [InlineData("100010000", "壹亿零壹万元整")]
    [InlineData("101000000", "壹亿零壹佰万元整")]
    [InlineData("110000000", "壹亿壹仟万元整")]
    [InlineData("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分")]
    [InlineData("200000000000.01", "贰仟亿元零壹分")]
    public void Yi(string amount, string capitals) =>
        ChineseAmount.ToCapitals(Parse(amount)).ShouldBe(capitals);

    [Fact]
    public void The_largest_amount_is_just_under_one_wan_yi() =>
        ChineseAmount.ToCapitals(ChineseAmount.Max).ShouldBe("玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分");

    [Fact]
    public void One_wan_yi_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ChineseAmount.ToCapitals(1_000_000_000_000m));

    [Fact]
    public void A_negative_amount_is_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ChineseAmount.ToCapitals(-0.01m));

    [Theory]
    [InlineData("1.005")]
    [InlineData("0.001")]
    public void An_amount_not_rounded_to_the_fen_is_refused(string amount) =>
        Should.Throw<ArgumentException>(() => ChineseAmount.ToCapitals(Parse(amount)));

    private static decimal Parse(string amount) => decimal.Parse(amount, CultureInfo.InvariantCulture);
}
