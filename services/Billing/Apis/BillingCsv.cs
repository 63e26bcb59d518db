using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace PropertyPlatform.Billing.Apis;

/// <summary>
/// Billing's CSV files (arrears, journal), written by CsvHelper as Complaints writes its statistics: fields with a comma,
/// quote or line break are quoted (RFC 4180), a byte order mark so Excel on a Chinese Windows reads UTF-8 rather than
/// GBK, and a text starting like a formula escaped (payer names and descriptions come from people).
/// </summary>
public static class BillingCsv
{
    public static byte[] Write(IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        return buffer.ToArray();
    }

    public static FileContentHttpResult File(IEnumerable<string[]> rows, string fileName) =>
        TypedResults.File(Write(rows), "text/csv; charset=utf-8", fileName);
}
