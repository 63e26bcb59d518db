using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests;

/// <summary>An administrator imports units and occupants from a CSV file and reads the row-by-row report.</summary>
public sealed class ImportApiTests(TestInfrastructure infrastructure)
{
    private const string Header = "building,unit_number,floor,type,chargeable_area,occupant_name,occupant_kind,phone,email,occupancy_role,move_in_date";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Rows 2, 3, 8 and 9 are good; the others each have something wrong.</summary>
    private static readonly string MixedFile = string.Join("\n",
        Header,
        "A座,1201,12,office,120.50,华夏科技有限公司,company,010-12345678,,owner,2024-03-01",
        "A座,1201,12,office,120.50,李雷,person,138 0013 8000,li.lei@example.com,resident,2024-03-05",
        "A座,1202,12,office,-5,张三,person,13800138001,,owner,2024-03-01",
        "B座,101,1,shop,80,远大贸易有限公司,company,12345,,tenant,2024-03-01",
        "A座,1203,12,villa,90,,,,,,",
        "A座,1201,12,office,120.50,乙公司,company,13900139000,,owner,2024-04-01",
        "A座,1204,12,office,95.5,华夏科技有限公司,company,01012345678,,owner,2024-03-01",
        "B1,P-001,-2,parking_space,12.5,,,,,,",
        "A座,1205,12,office,100,王五,person,13800138002,,resident,2999-01-01",
        "A座,1206,12,office,100,某公司,company,13800138003,,resident,2024-01-01") + "\n";

    [Fact]
    public async Task Good_rows_are_stored_bad_rows_store_nothing_and_the_report_says_why_row_by_row()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();

        var report = await ImportAsync(app, propertyId, MixedFile);

        report.GetProperty("rows").GetInt32().ShouldBe(10);
        report.GetProperty("imported").GetInt32().ShouldBe(4);
        report.GetProperty("rejected").GetInt32().ShouldBe(6);
        report.GetProperty("alreadyExisting").GetInt32().ShouldBe(0);
        var rows = Rows(report);
        rows.Select(r => (r.Key, r.Value.GetProperty("status").GetString())).ShouldBe(
        [
            (2, "imported"), (3, "imported"), (4, "rejected"), (5, "rejected"), (6, "rejected"),
            (7, "rejected"), (8, "imported"), (9, "imported"), (10, "rejected"), (11, "rejected"),
        ]);
        Errors(rows[4]).Keys.ShouldBe(["chargeable_area"]);
        Errors(rows[5]).Keys.ShouldBe(["phone"]);
        Errors(rows[6]).Keys.ShouldBe(["type"]);
        Errors(rows[7])["row"].Single().ShouldContain("owner");
        Errors(rows[10]).Keys.ShouldBe(["move_in_date"]);
        Errors(rows[11]).Keys.ShouldBe(["occupancy_role"]);
        rows[5].GetProperty("building").GetString().ShouldBe("B座");
        rows[5].GetProperty("unitNumber").GetString().ShouldBe("101");
        Errors(rows[2]).ShouldBeEmpty();

        // What was stored is exactly what the good rows describe.
        (await app.ScalarTextAsync("SELECT string_agg(name, ',' ORDER BY name) FROM buildings")).ShouldBe("A座,B1");
        (await app.ScalarTextAsync("SELECT string_agg(number, ',' ORDER BY number) FROM units")).ShouldBe("1201,1204,P-001");
        (await app.ScalarTextAsync("SELECT string_agg(name, ',' ORDER BY name) FROM occupants")).ShouldBe("华夏科技有限公司,李雷");
        (await app.CountAsync("SELECT count(*) FROM occupancies")).ShouldBe(3);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%UnitRegistered%'")).ShouldBe(3);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%OccupantRegistered%'")).ShouldBe(2);
        (await app.ScalarTextAsync("SELECT phone FROM occupants WHERE name = '李雷'")).ShouldBe("13800138000");

        // The company that owns two units is one occupant, and the unit has its owner and its resident.
        var companyId = rows[2].GetProperty("occupantId").GetGuid();
        rows[8].GetProperty("occupantId").GetGuid().ShouldBe(companyId);
        var client = app.ClientAsAdmin();
        var held = await client.GetFromJsonAsync<JsonElement>($"/occupancies?occupantId={companyId}", Cancellation);
        held.GetProperty("total").GetInt32().ShouldBe(2);
        var unit1201 = rows[2].GetProperty("unitId").GetGuid();
        var occupants = await client.GetFromJsonAsync<JsonElement>($"/occupants?unitId={unit1201}", Cancellation);
        occupants.Items().Select(o => o.GetProperty("name").GetString()).ShouldBe(["华夏科技有限公司", "李雷"]);
        var since = await client.GetFromJsonAsync<JsonElement>($"/occupancies?unitId={unit1201}", Cancellation);
        since.Items().Select(o => o.GetProperty("startDate").GetString()).ShouldBe(["2024-03-05", "2024-03-01"]);

        // The import is in the occupants' audit trail, by whoever ran it.
        var audit = await client.GetFromJsonAsync<JsonElement>($"/occupants/{companyId}/audit", Cancellation);
        audit.Items().ShouldAllBe(e => e.GetProperty("actor").GetString() == "导入员");
        audit.GetProperty("total").GetInt32().ShouldBe(3); // registered, and two move-ins
    }

    [Fact]
    public async Task Importing_the_same_file_again_reports_the_units_as_existing_and_duplicates_nothing()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var first = await ImportAsync(app, propertyId, MixedFile);

        var again = await ImportAsync(app, propertyId, MixedFile);

        again.GetProperty("imported").GetInt32().ShouldBe(0);
        again.GetProperty("alreadyExisting").GetInt32().ShouldBe(5); // rows 2, 3, 7, 8 and 9 name units that exist now
        again.GetProperty("rejected").GetInt32().ShouldBe(5);
        var rows = Rows(again);
        rows[2].GetProperty("status").GetString().ShouldBe("already_exists");
        rows[2].GetProperty("unitId").GetGuid().ShouldBe(Rows(first)[2].GetProperty("unitId").GetGuid());
        (await app.CountAsync("SELECT count(*) FROM units")).ShouldBe(3);
        (await app.CountAsync("SELECT count(*) FROM buildings")).ShouldBe(2);
        (await app.CountAsync("SELECT count(*) FROM occupants")).ShouldBe(2);
        (await app.CountAsync("SELECT count(*) FROM occupancies")).ShouldBe(3);
        (await app.CountAsync("SELECT count(*) FROM outbox_messages")).ShouldBe(1 + 3 + 2 + 3); // property, units, occupants, move-ins
    }

    [Fact]
    public async Task Hundreds_of_units_from_a_register_saved_by_a_Chinese_Excel_are_imported()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var lines = new List<string> { "楼栋,房号,楼层,类型,计费面积,业户名称,业户类别,电话,入住身份,入伙日期,备注" };
        for (var floor = 1; floor <= 30; floor++)
        {
            for (var room = 1; room <= 10; room++)
            {
                var tenant = room == 1 ? $"租户{floor}号公司,公司,0101234{floor:D4},租户,2025/3/{floor % 28 + 1}" : ",,,,";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"A座,{floor * 100 + room},{floor},写字间,{100 + room}.25,{tenant},备注{room}"));
            }
        }
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(string.Join("\r\n", lines));

        using var content = new ByteArrayContent(gb18030);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var response = await app.ClientAsAdmin().PostAsync($"/imports/units-and-occupants?propertyId={propertyId}", content, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        report.GetProperty("imported").GetInt32().ShouldBe(300, report.ToString());
        report.GetProperty("ignoredColumns").EnumerateArray().Select(c => c.GetString()).ShouldBe(["备注"]);
        (await app.CountAsync("SELECT count(*) FROM units WHERE type = 'Office'")).ShouldBe(300);
        (await app.CountAsync("SELECT count(*) FROM occupancies WHERE role = 'Tenant'")).ShouldBe(30);
        (await app.CountAsync("SELECT count(*) FROM occupants WHERE name = '租户30号公司' AND phone = '01012340030'")).ShouldBe(1);
        (await app.ScalarTextAsync("SELECT chargeable_area FROM units WHERE number = '3010'")).ShouldBe("110.25");
    }

    [Theory]
    [InlineData("building,floor,type,chargeable_area\nA座,12,office,10\n", "file")]
    [InlineData("", "file")]
    [InlineData(Header + "\n", "file")]
    [InlineData("building,unit_number,floor,type,chargeable_area,Building\nA座,1201,12,office,10,B座\n", "file")]
    public async Task A_file_that_cannot_be_read_as_a_register_is_a_400_field_error_and_nothing_is_stored(string csv, string field)
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();

        var response = await PostFileAsync(app, $"/imports/units-and-occupants?propertyId={propertyId}", csv);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).FieldErrors(field).ShouldNotBeEmpty();
        (await app.CountAsync("SELECT count(*) FROM units")).ShouldBe(0);
    }

    [Fact]
    public async Task The_property_must_be_given_and_known_and_the_file_sent_as_a_form_or_csv()
    {
        await using var app = await DirectoryApp.StartAsync(infrastructure);
        var propertyId = (await app.RegisterPropertyAsync()).GetProperty("id").GetGuid();
        var client = app.ClientAsAdmin();

        (await (await PostFileAsync(app, "/imports/units-and-occupants", MixedFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("propertyId").ShouldNotBeEmpty();
        (await (await PostFileAsync(app, $"/imports/units-and-occupants?propertyId={Guid.NewGuid()}", MixedFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("propertyId").ShouldNotBeEmpty();
        await (await client.PostAsync($"/imports/units-and-occupants?propertyId=not-a-guid", new StringContent(MixedFile, Encoding.UTF8, "text/csv"), Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsJsonAsync($"/imports/units-and-occupants?propertyId={propertyId}", new { rows = MixedFile }, Cancellation))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "comment" } };
        (await (await client.PostAsync($"/imports/units-and-occupants?propertyId={propertyId}", noFile, Cancellation)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("file").ShouldNotBeEmpty();
        (await app.CountAsync("SELECT count(*) FROM units")).ShouldBe(0);
    }

    private static async Task<JsonElement> ImportAsync(DirectoryApp app, Guid propertyId, string csv)
    {
        var response = await PostFileAsync(app, $"/imports/units-and-occupants?propertyId={propertyId}", csv);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    /// <summary>As a browser uploads a file: multipart/form-data with the file's bytes (UTF-8 with a BOM, as Excel writes "CSV UTF-8").</summary>
    private static async Task<HttpResponseMessage> PostFileAsync(DirectoryApp app, string path, string csv)
    {
        using var client = app.ClientAsAdmin("导入员");
        var file = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { file, "file", "units.csv" } };
        return await client.PostAsync(path, form, Cancellation);
    }

    private static Dictionary<int, JsonElement> Rows(JsonElement report) =>
        report.GetProperty("results").EnumerateArray().ToDictionary(r => r.GetProperty("row").GetInt32());

    private static Dictionary<string, string[]> Errors(JsonElement row) =>
        row.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
}
