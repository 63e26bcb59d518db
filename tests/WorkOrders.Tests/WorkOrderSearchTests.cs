using System.Net;
using System.Text;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary>
/// Five orders over two China-time days (10 and 11 March 2027), the clock finally at 11 March 07:10 (+08:00):
/// <list type="bullet">
/// <item>O1 at P, unit 1201, plumbing, normal, 10 Mar 10:00, location 厨房: submitted, past its 4 h response limit.</item>
/// <item>O4 at Q, unit 0301, plumbing, normal, 10 Mar 10:00: submitted, past its response limit.</item>
/// <item>O5 at P, unit 1202, cleaning, low, 10 Mar 12:00, a description with a comma, quotes and a line break: submitted.</item>
/// <item>O2 at P, unit 1202, electrical, emergency, 10 Mar 15:00, location 客厅: dispatched to E, accepted and started (in progress), past its 4 h resolution limit.</item>
/// <item>O3 at P, unit 1201, HVAC, high, 11 Mar 07:00 (still 10 March in UTC): submitted, within its limits.</item>
/// </list>
/// Nothing changes after setup, so the tests of the class share it.
/// </summary>
public sealed class SearchWorld(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public const string TrickyDescription = "走廊地毯有污渍, 需要 \"深度\" 清洗\n请周末处理";

    public static readonly DateTimeOffset Day10 = new(2027, 3, 10, 0, 0, 0, TimeSpan.FromHours(8));

    public WorkOrderDriver Driver { get; private set; } = null!;

    public Guid P { get; } = Guid.NewGuid();

    public Guid Q { get; } = Guid.NewGuid();

    public (Guid UnitId, Guid BuildingId) U1 { get; private set; }

    public (Guid UnitId, Guid BuildingId) U2 { get; private set; }

    public Guid Engineer { get; private set; }

    public Guid O1 { get; private set; }

    public Guid O2 { get; private set; }

    public Guid O3 { get; private set; }

    public Guid O4 { get; private set; }

    public Guid O5 { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Driver = new WorkOrderDriver(await WorkOrderDriver.StartAsync(infrastructure));
        U1 = await Driver.UnitAsync("1201", P);
        U2 = await Driver.UnitAsync("1202", P);
        var u3 = await Driver.UnitAsync("0301", Q);
        Engineer = await Driver.EngineerAsync(P);

        Driver.At(Day10.AddHours(10));
        O1 = await Driver.SubmitAsync(P, U1.UnitId, "plumbing", "normal", "厨房水龙头滴水", "厨房");
        O4 = await Driver.SubmitAsync(Q, u3.UnitId, "plumbing", "normal", "洗手间漏水");
        Driver.At(Day10.AddHours(12));
        O5 = await Driver.SubmitAsync(P, U2.UnitId, "cleaning", "low", TrickyDescription, "=1+2");
        Driver.At(Day10.AddHours(15));
        O2 = await Driver.SubmitAsync(P, U2.UnitId, "electrical", "emergency", "插座没电 跳闸", "客厅");
        await Driver.DispatchAsync(P, O2, Engineer);
        Driver.At(Day10.AddHours(15).AddMinutes(5));
        await Driver.AcceptAndStartAsync(P, O2, Engineer);
        Driver.At(Day10.AddDays(1).AddHours(7));
        O3 = await Driver.SubmitAsync(P, U1.UnitId, "hvac", "high", "空调不制冷");
        Driver.At(Day10.AddDays(1).AddHours(7).AddMinutes(10));
        await Driver.SweepAsync();
    }

    public async ValueTask DisposeAsync() => await Driver.App.DisposeAsync();
}

/// <summary><c>GET /work-orders</c>: each filter narrows, they combine, pages are stable, bad filters are 400 problems.</summary>
public sealed class WorkOrderSearchTests(SearchWorld world) : IClassFixture<SearchWorld>
{
    private HttpClient FrontDesk => world.Driver.As(Roles.FrontDesk, world.P);

    [Fact]
    public async Task A_propertys_orders_come_newest_first()
    {
        (await ListedAsync($"propertyId={world.P}")).ShouldBe([world.O3, world.O2, world.O5, world.O1]);
    }

    [Theory]
    [InlineData("status=submitted", "O3 O5 O1")]
    [InlineData("status=in_progress", "O2")]
    [InlineData("status=submitted,in_progress", "O3 O2 O5 O1")]
    [InlineData("status=closed", "")]
    [InlineData("priority=emergency", "O2")]
    [InlineData("priority=high,low", "O3 O5")]
    [InlineData("category=plumbing", "O1")]
    [InlineData("category=doors_and_locks", "")]
    [InlineData("q=水龙头", "O1")]
    [InlineData("q=客厅", "O2")]
    [InlineData("q=1202", "O2 O5")]
    [InlineData("q=wo-20270311", "O3")]
    [InlineData("q=%25", "")]
    [InlineData("overdue=true", "O2 O1")]
    [InlineData("overdue=false", "O3 O5")]
    [InlineData("submittedFrom=2027-03-11", "O3")]
    [InlineData("submittedTo=2027-03-10", "O2 O5 O1")]
    [InlineData("submittedFrom=2027-03-10T11:00:00%2B08:00&submittedTo=2027-03-10T06:00:00Z", "O5")]
    [InlineData("submittedFrom=2027-03-10T11:00:00 08:00", "O3 O2 O5")]
    [InlineData("status=submitted&priority=high,normal&overdue=false", "O3")]
    [InlineData("category=plumbing,hvac&submittedTo=2027-03-10", "O1")]
    public async Task Each_filter_narrows_the_list_and_filters_combine(string filter, string expected)
    {
        (await ListedAsync($"propertyId={world.P}&{filter}")).ShouldBe(Ids(expected));
    }

    [Fact]
    public async Task Units_buildings_and_assignees_narrow_the_list()
    {
        (await ListedAsync($"unitId={world.U2.UnitId}")).ShouldBe([world.O2, world.O5]);
        (await ListedAsync($"buildingId={world.U1.BuildingId}")).ShouldBe([world.O3, world.O1]);
        (await ListedAsync($"assigneeId={world.Engineer}")).ShouldBe([world.O2]);
        (await ListedAsync("assignedToMe=true", world.Driver.AsEngineer(world.Engineer, world.P))).ShouldBe([world.O2]);
        (await ListedAsync("assignedToMe=true", world.Driver.As(Roles.Engineer, world.P))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_never_reach_beyond_the_callers_scope()
    {
        (await ListedAsync("category=plumbing&overdue=true")).ShouldBe([world.O1]);
        (await ListedAsync($"propertyId={world.Q}")).ShouldBeEmpty();
        (await ListedAsync("category=plumbing&overdue=true", world.Driver.App.ClientAsAdmin())).ShouldBe([world.O4, world.O1]);
        (await ListedAsync("q=漏水", world.Driver.App.ClientAsOccupant(Guid.NewGuid(), world.P, world.U1.UnitId))).ShouldBeEmpty();
        (await ListedAsync("q=水龙头", world.Driver.App.ClientAsOccupant(Guid.NewGuid(), world.P, world.U1.UnitId))).ShouldBe([world.O1]);
    }

    [Fact]
    public async Task Pages_follow_one_another_without_gaps_or_overlaps()
    {
        var all = await ListedAsync($"propertyId={world.P}");
        var paged = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            var json = await WorkOrderDriver.GetJsonAsync(FrontDesk, $"/work-orders?propertyId={world.P}&pageSize=2&page={page}");
            json.GetProperty("total").GetInt32().ShouldBe(4);
            paged.AddRange(json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()));
        }

        paged.ShouldBe(all);
        all.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("status=nonsense", "status")]
    [InlineData("status=submitted,nonsense", "status")]
    [InlineData("priority=urgent", "priority")]
    [InlineData("category=gardening", "category")]
    [InlineData("submittedFrom=yesterday", "submittedFrom")]
    [InlineData("submittedTo=2027-03-10T10:00:00", "submittedTo")]
    [InlineData("submittedFrom=2027-02-30", "submittedFrom")]
    public async Task An_unknown_filter_value_is_a_400_problem_naming_the_field(string filter, string field)
    {
        await (await FrontDesk.GetAsync($"/work-orders?{filter}", Cancel)).ShouldHaveFieldErrorAsync(field);
        await (await FrontDesk.GetAsync($"/work-orders/export.csv?{filter}", Cancel)).ShouldHaveFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_search_text_longer_than_a_hundred_characters_is_refused()
    {
        await (await FrontDesk.GetAsync($"/work-orders?q={new string('水', 101)}", Cancel)).ShouldHaveFieldErrorAsync("q");
    }

    private List<Guid> Ids(string names) =>
        names.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => n switch
        {
            "O1" => world.O1,
            "O2" => world.O2,
            "O3" => world.O3,
            "O4" => world.O4,
            "O5" => world.O5,
            _ => throw new ArgumentOutOfRangeException(nameof(names), n, null),
        }).ToList();

    private async Task<List<Guid>> ListedAsync(string query, HttpClient? client = null)
    {
        var json = await WorkOrderDriver.GetJsonAsync(client ?? FrontDesk, $"/work-orders?pageSize=200&{query}");
        return json.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
    }
}

/// <summary><c>GET /work-orders/export.csv</c>: the list's filters as a file Excel opens in Chinese or English.</summary>
public sealed class WorkOrderExportTests(SearchWorld world) : IClassFixture<SearchWorld>
{
    [Fact]
    public async Task The_export_is_a_UTF8_file_with_a_byte_order_mark_and_Chinese_headers_named_by_the_day()
    {
        var response = await world.Driver.As(Roles.FrontDesk, world.P).GetAsync("/work-orders/export.csv", Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        response.Content.Headers.ContentDisposition.FileName.ShouldBe("work-orders-2027-03-11.csv");
        response.Headers.GetValues("X-Total-Count").ShouldBe(["4"]);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });

        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        rows[0].ShouldBe([
            "工单号", "状态", "优先级", "类别", "楼栋", "房号", "位置", "描述", "来源", "联系人", "联系电话", "受理时间", "受理人", "处理人",
            "派单时间", "接单时间", "完工时间", "响应时限", "处理时限", "超时", "回访时间", "满意度", "返修次数"]);
        rows.Count.ShouldBe(5, "a header and the property's four orders, not the other property's");
        var o2 = rows.Single(r => r[3] == "电气");
        (o2[1], o2[2], o2[5], o2[6], o2[13], o2[19]).ShouldBe(("处理中", "紧急", "1202", "客厅", "李工", "处理超时"));
        o2[11].ShouldBe("2027-03-10 15:00", "times in China Standard Time");
    }

    [Fact]
    public async Task Commas_quotes_and_line_breaks_survive_and_formulas_are_defused()
    {
        var text = await ExportAsync("status=submitted&category=cleaning");

        text.ShouldContain("\"走廊地毯有污渍, 需要 \"\"深度\"\" 清洗\n请周末处理\"");
        var rows = Csv.Parse(text);
        rows.Count.ShouldBe(2);
        rows[1][7].ShouldBe(SearchWorld.TrickyDescription);
        rows[1][6].ShouldBe("'=1+2", "a location starting with = would run as a formula in Excel");
        text.Split("\r\n").Length.ShouldBe(3, "CRLF ends each record; the line break inside the quotes is kept as it is");
    }

    [Fact]
    public async Task English_headers_and_values_for_a_client_that_prefers_English()
    {
        var rows = Csv.Parse(await ExportAsync("priority=emergency", "en-US,en;q=0.9,zh-CN;q=0.8"));

        rows[0][..4].ShouldBe(["Number", "Status", "Priority", "Category"]);
        rows[1][1..4].ShouldBe(["In progress", "Emergency", "Electrical"]);
        rows[1][19].ShouldBe("resolution");
        Csv.Parse(await ExportAsync("priority=emergency", "zh-CN,en;q=0.5"))[0][0].ShouldBe("工单号");
    }

    [Fact]
    public async Task The_export_takes_the_lists_filters()
    {
        var rows = Csv.Parse(await ExportAsync("overdue=true"));

        rows.Skip(1).Select(r => r[2]).ShouldBe(["紧急", "普通"], "O2 and O1, newest first");
    }

    [Theory]
    [InlineData(Roles.FrontDesk, true)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Engineer, false)]
    [InlineData(Roles.Occupant, false)]
    [InlineData(Roles.Security, false)]
    [InlineData(Roles.Finance, false)]
    public async Task Only_the_desk_and_management_may_export(string role, bool allowed)
    {
        var client = role == Roles.Occupant ? world.Driver.App.ClientAsOccupant(Guid.NewGuid(), world.P, world.U1.UnitId) : world.Driver.As(role, world.P);

        var response = await client.GetAsync("/work-orders/export.csv", Cancel);

        if (allowed)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Another_propertys_export_is_empty()
    {
        var rows = Csv.Parse(await ExportAsync($"propertyId={world.Q}"));

        rows.Count.ShouldBe(1, "the header only");
    }

    private async Task<string> ExportAsync(string query, string? acceptLanguage = null)
    {
        var client = world.Driver.As(Roles.FrontDesk, world.P);
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }
        var response = await client.GetAsync($"/work-orders/export.csv?{query}", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}

/// <summary>A strict RFC 4180 reader, to check what the export writes.</summary>
internal static class Csv
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                field.Length.ShouldBe(0, "a quote may only open a field");
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r')
            {
                text[i + 1].ShouldBe('\n');
                i++;
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                c.ShouldNotBe('\n', "a bare line break outside quotes");
                field.Append(c);
            }
        }
        quoted.ShouldBeFalse();
        fields.Count.ShouldBe(0, "every record ends with CRLF");
        return rows;
    }
}
