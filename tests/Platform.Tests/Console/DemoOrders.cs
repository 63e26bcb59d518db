using System.Text.Json;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A morning's worth of orders made through the API before the browser tests, so the board and lists look like a
/// working day: some waiting for dispatch, one past a (shortened) emergency limit, one on hold past its resume time,
/// two completed and waiting for their follow-up call.
/// </summary>
internal static class DemoOrders
{
    public static async Task SeedAsync(ConsoleFixture fixture)
    {
        using var desk = await fixture.ApiAsync("frontdesk");
        using var engineer = await fixture.ApiAsync("engineer");
        using var manager = await fixture.ApiAsync("manager");
        var me = await desk.GetFromJsonAsync<JsonElement>("/api/directory/me");
        var propertyId = me.GetProperty("propertyIds")[0].GetString();
        // WorkOrders learns the staff from Directory in the background: on a busy machine the engineers may come a moment later.
        var engineers = await PropertyPlatform.TestSupport.Eventually.ReturnsAsync(
            () => desk.GetFromJsonAsync<JsonElement>($"/api/workorders/engineers?propertyId={propertyId}"), e => e.GetArrayLength() > 0, TimeSpan.FromSeconds(90));
        var engineerId = engineers[0].GetProperty("personId").GetString();
        var units = (await desk.GetFromJsonAsync<JsonElement>($"/api/directory/units?propertyId={propertyId}&pageSize=40"))
            .GetProperty("items").EnumerateArray().Select(u => u.GetProperty("id").GetString()!).Skip(20).ToList();

        // Emergencies answered within a minute here, so the board's overdue list has something in it by the time it is shown.
        (await manager.PutAsJsonAsync($"/api/workorders/time-limits/{propertyId}/emergency", new { responseMinutes = 1, resolutionMinutes = 2 }))
            .EnsureSuccessStatusCode();

        async Task<string> Submit(int unit, string category, string priority, string description, string? location = null)
        {
            var response = await desk.PostAsJsonAsync("/api/workorders/work-orders", new
            {
                unitId = units[unit], category, priority, channel = unit % 3 == 0 ? "walk_in" : "phone", description, location,
                contactName = "李女士", contactPhone = "13912345678",
            });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }
        async Task Act(HttpClient client, string id, string action, object? body = null) =>
            (await client.PostAsJsonAsync($"/api/workorders/work-orders/{id}/{action}", body ?? new { })).EnsureSuccessStatusCode();

        var burst = await Submit(0, "plumbing", "emergency", "地下车库消防水管爆裂，大量漏水", "B1 车库 C 区");
        await Act(desk, burst, "dispatch", new { assigneeId = engineerId });
        await Submit(1, "lifts", "emergency", "3 号客梯困人，已安抚乘客等待救援", "3 号客梯");

        var parts = await Submit(2, "hvac", "high", "会议室空调不制冷，出风口有异响", "大会议室");
        await Act(desk, parts, "dispatch", new { assigneeId = engineerId });
        await Act(engineer, parts, "accept");
        await Act(engineer, parts, "start");
        await Act(engineer, parts, "hold", new { reason = "压缩机电容损坏，等待配件到货", resumeAt = DateTimeOffset.UtcNow.AddSeconds(70) });

        foreach (var (unit, category, description, summary) in new[]
        {
            (3, "electrical", "办公室吊顶灯管闪烁，部分不亮", "更换 T5 灯管 4 支，镇流器正常"),
            (4, "doors_and_locks", "大门电子锁刷卡无反应", "更换门禁读卡器电池并重新授权门卡"),
        })
        {
            var id = await Submit(unit, category, "normal", description);
            await Act(desk, id, "dispatch", new { assigneeId = engineerId });
            await Act(engineer, id, "accept");
            await Act(engineer, id, "start");
            await Act(engineer, id, "complete", new { summary, materials = (string?)null, labourMinutes = 40 });
        }

        await Submit(5, "cleaning", "low", "电梯厅地毯有大片污渍，需要清洗", "12 层电梯厅");
        var tap = await Submit(6, "plumbing", "normal", "茶水间水龙头关不紧，一直滴水", "茶水间");
        await Act(desk, tap, "dispatch", new { assigneeId = engineerId });
    }
}
