using System.Text;

namespace PropertyPlatform.Billing.Domain;

/// <summary>
/// An amount in Chinese capitals (大写金额) as receipts and cheques write it, following the People's Bank
/// rules for filling in bills (正确填写票据和结算凭证的基本规定):
/// <list type="bullet">
/// <item>整 after 元 when there are no 角 and 分; none after 角 or 分 (壹佰元整, 伍角, 叁元肆角伍分).</item>
/// <item>One 零 for a run of zeros between digits (陆仟零柒元); none for zeros that end a 4-digit section
/// (壹拾万柒仟元).</item>
/// <item>零 after 元 when 角 is zero and 分 is not (叁佰贰拾伍元零肆分), and — the rules allow either, this
/// picks their first form — when the 元 digit is zero and 角 is not (壹仟陆佰捌拾元零叁角贰分).</item>
/// <item>拾 always with its digit, 壹拾 included (壹拾元整, 壹拾万): 拾 names a position, not a number, and a bare
/// 拾 at the start could be altered by writing a digit in front of it.</item>
/// </list>
/// The receipt prints 人民币 in front; this text is the amount only.
/// </summary>
public static class ChineseAmount
{
    /// <summary>The largest amount written: just under one 万亿.</summary>
    public const decimal Max = 999_999_999_999.99m;

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] PositionUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] SectionUnits = ["", "万", "亿"];
    private static readonly int[] PowersOfTen = [1, 10, 100, 1000];

    public static string ToCapitals(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amount, Max);
        if (Money.RoundToFen(amount) != amount)
        {
            throw new ArgumentException($"Round {amount} to the fen before writing it out.", nameof(amount));
        }

        var fen = (long)(amount * 100);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);

        if (jiao == 0 && cents == 0)
        {
            return yuan == 0 ? "零元整" : $"{WholeNumber(yuan)}元整";
        }

        var text = new StringBuilder();
        if (yuan > 0)
        {
            text.Append(WholeNumber(yuan)).Append('元');
            if (jiao == 0 || yuan % 10 == 0)
            {
                text.Append('零');
            }
        }
        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        if (cents > 0)
        {
            text.Append(Digits[cents]).Append('分');
        }
        return text.ToString();
    }

    /// <summary>A whole number above zero, in sections of four digits: units, 万, 亿.</summary>
    private static string WholeNumber(long value)
    {
        var sections = new List<int>();
        for (; value > 0; value /= 10_000)
        {
            sections.Add((int)(value % 10_000));
        }

        var text = new StringBuilder();
        var skippedZeros = false;
        for (var i = sections.Count - 1; i >= 0; i--)
        {
            var section = sections[i];
            if (section == 0)
            {
                // A whole section of zeros between digits is read as one 零 before the next digits.
                skippedZeros = text.Length > 0;
                continue;
            }
            if (text.Length > 0 && (skippedZeros || section < 1000))
            {
                text.Append('零');
            }
            text.Append(Section(section)).Append(SectionUnits[i]);
            skippedZeros = false;
        }
        return text.ToString();
    }

    /// <summary>1..9999 without its section's unit; inner zeros as one 零, trailing zeros silent.</summary>
    private static string Section(int section)
    {
        var text = new StringBuilder();
        var zeros = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = section / PowersOfTen[position] % 10;
            if (digit == 0)
            {
                zeros = text.Length > 0;
                continue;
            }
            if (zeros)
            {
                text.Append('零');
                zeros = false;
            }
            text.Append(Digits[digit]).Append(PositionUnits[position]);
        }
        return text.ToString();
    }
}
