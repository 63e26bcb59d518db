using System.Text;
using PropertyPlatform.Directory.Infrastructure.Import;

namespace PropertyPlatform.Directory.Tests;

/// <summary>Reading the import file: headers, separators, encodings and malformed rows, before anything is stored.</summary>
public sealed class ImportFileTests
{
    [Theory]
    [InlineData("building,unit_number,floor,type,chargeable_area\nA座,1201,12,office,120.5\n")]
    [InlineData("building;unit_number;floor;type;chargeable_area\nA座;1201;12;office;120.5\n")]
    [InlineData("building\tunit_number\tfloor\ttype\tchargeable_area\nA座\t1201\t12\toffice\t120.5\n")]
    [InlineData("Building,Unit Number,FLOOR,unitType,chargeable-area\r\nA座,1201,12,office,120.5\r\n")]
    [InlineData("楼栋,房号,楼层,类型,计费面积\nA座,1201,12,office,120.5")]
    public void Columns_are_found_by_their_English_or_Chinese_names_whatever_the_separator(string text)
    {
        var file = UnitsAndOccupantsCsv.Read(text);

        file.Problem.ShouldBeNull();
        var row = file.Rows.ShouldHaveSingleItem();
        row.Row.ShouldBe(2);
        row[ImportColumns.Building].ShouldBe("A座");
        row[ImportColumns.UnitNumber].ShouldBe("1201");
        row[ImportColumns.ChargeableArea].ShouldBe("120.5");
        row[ImportColumns.Phone].ShouldBeNull();
    }

    [Fact]
    public void Blank_lines_are_skipped_but_row_numbers_stay_those_of_the_spreadsheet()
    {
        var file = UnitsAndOccupantsCsv.Read("building,unit_number,floor,type,chargeable_area,remark\nA座,1201,12,office,1\n\n,,,,\nA座,1202,12,office,1,\"a, b\"\n");

        file.Rows.Select(r => r.Row).ShouldBe([2, 5]);
        file.IgnoredColumns.ShouldBe(["remark"]);
    }

    [Fact]
    public void A_row_with_broken_quoting_is_marked_and_the_rows_after_it_are_read()
    {
        var file = UnitsAndOccupantsCsv.Read("building,unit_number,floor,type,chargeable_area\nA座,\"12\"01,12,office,1\nA座,1202,12,office,1\n");

        file.Rows.Select(r => (r.Row, r.Malformed)).ShouldBe([(2, true), (3, false)]);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("building,floor,type,chargeable_area\nA座,12,office,1\n", "unit_number")]
    [InlineData("building,unit_number,floor,type,chargeable_area\n", "no rows")]
    [InlineData("building,unit_number,floor,type,chargeable_area,楼栋\nA座,1,1,office,1,B座\n", "twice")]
    public void A_file_that_is_not_a_register_is_refused_as_a_whole(string text, string reason) =>
        UnitsAndOccupantsCsv.Read(text).Problem!.ShouldContain(reason);

    [Fact]
    public void More_rows_than_the_limit_are_refused_as_a_whole()
    {
        var text = "building,unit_number,floor,type,chargeable_area\n"
            + string.Concat(Enumerable.Range(1, UnitsAndOccupantsCsv.MaxRows + 1).Select(i => $"A座,{i},1,office,1\n"));

        UnitsAndOccupantsCsv.Read(text).Problem!.ShouldContain(UnitsAndOccupantsCsv.MaxRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void UTF8_with_or_without_a_byte_order_mark_and_GB18030_are_decoded()
    {
        const string text = "楼栋,房号\nA座,1201";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        UnitsAndOccupantsCsv.Decode(Encoding.UTF8.GetBytes(text)).ShouldBe(text);
        UnitsAndOccupantsCsv.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]).ShouldBe(text);
        UnitsAndOccupantsCsv.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)).ShouldBe(text);
    }
}
