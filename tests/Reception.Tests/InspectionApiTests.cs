using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Inspections of vacant units over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class InspectionApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task A_weekly_inspection_is_recorded_with_its_findings_and_a_finding_to_repair_asks_workorders_for_an_order()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var guard = app.ClientAs(Roles.Security, property);

        var response = await guard.PostJsonAsync("/inspections", JsonSerializer.Serialize(new
        {
            propertyId = property, kind = "weekly_area", area = "B座 8层", notes = "钥匙齐全",
            findings = new object[]
            {
                new { unitId = unit, finding = "卫生间水管渗水", workOrderCategory = "plumbing", workOrderPriority = "high" },
                new { unitId = unit, finding = "窗户未关" },
            },
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        var inspection = await response.ReadJsonAsync();
        var id = inspection.GetProperty("id").GetGuid();
        inspection.GetProperty("kind").GetString().ShouldBe("weekly_area");
        inspection.GetProperty("inspectorName").GetString().ShouldBe($"测试{Roles.Security}");
        inspection.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("workOrderRequested").GetBoolean()).ShouldBe([true, false]);
        inspection.GetProperty("findings")[0].GetProperty("unitNumber").GetString().ShouldBe("0801");
        var request = JsonDocument.Parse(await app.ScalarAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE message_type LIKE '%.InspectionWorkOrderRequested,%'")).RootElement;
        request.GetProperty("unitId").GetGuid().ShouldBe(unit);
        request.GetProperty("category").GetString().ShouldBe("plumbing");
        request.GetProperty("description").GetString().ShouldBe("空置房巡查 A座 0801：卫生间水管渗水");

        var listed = await guard.GetFromJsonAsync<JsonElement>($"/inspections?propertyId={property}&unitId={unit}", Cancel);
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([id]);
        (await app.ClientAs(Roles.FrontDesk, Guid.NewGuid()).GetAsync($"/inspections/{id}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ClientAs(Roles.Engineer, property).GetAsync("/inspections", Cancel)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_full_inspection_off_the_20th_a_weekly_one_without_its_area_or_another_propertys_unit_is_a_field_error()
    {
        var (app, property, unit) = await KeyApiTests.StartAsync(infrastructure);
        await using var _ = app;
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        var notThe20th = today.Day == 20 ? today.AddDays(-1) : today;

        var full = await desk.PostJsonAsync("/inspections", JsonSerializer.Serialize(new { propertyId = property, kind = "full", inspectedOn = notThe20th }));
        (await full.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("inspectedOn")[0].GetString()!.ShouldContain("20th");
        var weekly = await desk.PostJsonAsync("/inspections", JsonSerializer.Serialize(new { propertyId = property, kind = "weekly_area" }));
        await weekly.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var elsewhere = await desk.PostJsonAsync("/inspections", JsonSerializer.Serialize(new
        {
            propertyId = property, kind = "weekly_area", area = "A座", findings = new[] { new { unitId = Guid.NewGuid(), finding = "门未锁" } },
        }));
        await elsewhere.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inspections")).ShouldBe(0);
    }
}
