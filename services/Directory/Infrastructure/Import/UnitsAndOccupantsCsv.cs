using System.Text;
using CsvHelper;

namespace PropertyPlatform.Directory.Infrastructure.Import;

/// <summary>The columns of the unit and occupant import, by their documented names.</summary>
public static class ImportColumns
{
    public const string Building = "building";
    public const string UnitNumber = "unit_number";
    public const string Floor = "floor";
    public const string Type = "type";
    public const string ChargeableArea = "chargeable_area";
    public const string OccupantName = "occupant_name";
    public const string OccupantKind = "occupant_kind";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string OccupancyRole = "occupancy_role";
    public const string MoveInDate = "move_in_date";

    /// <summary>Every unit row needs these; the occupant columns are optional (a vacant unit has none).</summary>
    public static readonly IReadOnlyList<string> Required = [Building, UnitNumber, Floor, Type, ChargeableArea];

    /// <summary>
    /// Header spellings: the documented English names (any case, with spaces, dashes or underscores) and the
    /// Chinese headings of the centre's own registers.
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        [Building] = Building, ["楼栋"] = Building, ["楼宇"] = Building, ["楼座"] = Building,
        [UnitNumber] = UnitNumber, ["unit"] = UnitNumber, ["房号"] = UnitNumber, ["单元号"] = UnitNumber,
        [Floor] = Floor, ["楼层"] = Floor,
        [Type] = Type, ["unit_type"] = Type, ["类型"] = Type, ["房屋类型"] = Type, ["用途"] = Type,
        [ChargeableArea] = ChargeableArea, ["area"] = ChargeableArea, ["计费面积"] = ChargeableArea, ["面积"] = ChargeableArea,
        [OccupantName] = OccupantName, ["业户名称"] = OccupantName, ["业户"] = OccupantName, ["姓名"] = OccupantName,
        [OccupantKind] = OccupantKind, ["业户类别"] = OccupantKind, ["类别"] = OccupantKind,
        [Phone] = Phone, ["电话"] = Phone, ["联系电话"] = Phone, ["手机"] = Phone,
        [Email] = Email, ["邮箱"] = Email, ["电子邮箱"] = Email,
        [OccupancyRole] = OccupancyRole, ["role"] = OccupancyRole, ["身份"] = OccupancyRole, ["入住身份"] = OccupancyRole,
        [MoveInDate] = MoveInDate, ["入伙日期"] = MoveInDate, ["交付日期"] = MoveInDate,
    };

    public static string? Canonical(string header)
    {
        var key = header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        if (Aliases.TryGetValue(key, out var column))
        {
            return column;
        }
        // unitNumber, "Unit Number", unit-number
        var compact = key.Replace("_", "", StringComparison.Ordinal);
        return Aliases.Keys.FirstOrDefault(k => k.Replace("_", "", StringComparison.Ordinal) == compact) is { } alias ? Aliases[alias] : null;
    }
}

/// <summary>One data row of the file: its row number as a spreadsheet shows it (the header is row 1) and its cells by column.</summary>
public sealed record ImportRow(int Row, IReadOnlyDictionary<string, string> Cells, bool Malformed)
{
    /// <summary>The trimmed cell, or null when blank or absent.</summary>
    public string? this[string column] => Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>The file read as rows, or why it cannot be read at all.</summary>
public sealed record ImportFile(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> IgnoredColumns, string? Problem);

public static class UnitsAndOccupantsCsv
{
    /// <summary>Hundreds of units per property are usual; a few thousand still fit one request.</summary>
    public const int MaxRows = 5000;

    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes UTF-8 (with or without BOM) and, failing that, GB18030: Excel on a Chinese Windows saves
    /// "CSV" in the local code page.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            var text = StrictUtf8.GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    public static ImportFile Read(string text)
    {
        var malformed = new HashSet<long>();
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            // A stray quote then spoils one line, not the rest of the file; unit registers have no multi-line cells.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.Add(record.LineNumber),
        };
        using var csv = CsvReader.FromText(text, options);

        var header = csv.Headers;
        if (header.Count == 0 || header.All(string.IsNullOrWhiteSpace))
        {
            return Failed("The file is empty: the first row must name the columns, e.g. " + string.Join(",", ImportColumns.Required) + ".");
        }

        var columns = new Dictionary<int, string>();
        var ignored = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ImportColumns.Canonical(header[i]) is not { } column)
            {
                if (!string.IsNullOrWhiteSpace(header[i]))
                {
                    ignored.Add(header[i].Trim());
                }
                continue;
            }
            if (columns.ContainsValue(column))
            {
                return Failed($"The column '{column}' appears twice in the first row.");
            }
            columns[i] = column;
        }
        var missing = ImportColumns.Required.Except(columns.Values).ToList();
        if (missing.Count > 0)
        {
            return Failed($"The first row lacks the column(s) {string.Join(", ", missing)}.");
        }

        var rows = new List<ImportRow>();
        while (csv.Read())
        {
            var cells = columns.ToDictionary(c => c.Value, c => csv.GetString(c.Key) ?? "");
            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (rows.Count == MaxRows)
            {
                return Failed($"The file has more than {MaxRows} rows: split it into several files.");
            }
            // The line number is the row number a spreadsheet shows (the header is row 1).
            var line = checked((int)csv.LineNumber);
            rows.Add(new ImportRow(line, cells, malformed.Contains(line)));
        }
        return rows.Count == 0
            ? Failed("The file has no rows below its header.")
            : new ImportFile(rows, ignored, null);
    }

    private static ImportFile Failed(string problem) => new([], [], problem);
}
