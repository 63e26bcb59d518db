using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PropertyPlatform.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>
/// A walk-in at the front desk, as the people do it: the desk registers the visitor and asks the host, the host
/// confirms (from their phone, here through the API), the guard at the gate checks the visitor in by pass code on a
/// phone, and the desk sees them on site and reviews the shift's open items for the handover.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReceptionJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_walk_in_waits_for_the_host_who_confirms_and_the_guard_checks_them_in_by_code_on_a_phone()
    {
        using var occupantApi = await fixture.ApiAsync("occupant");
        var unit = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0];
        var unitLabel = $"{unit.GetProperty("buildingName").GetString()} {unit.GetProperty("number").GetString()}";
        var visitor = $"王五{DateTime.UtcNow:HHmmss}";

        // Front desk: register the walk-in; the host is asked and the visitor waits.
        var desk = await fixture.SignInAsync("frontdesk");
        await desk.GotoAsync($"{fixture.GatewayUrl}/reception-desk");
        // A direct address reloads the console: the session is restored from the refresh token first.
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "前台接待台" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记临时访客" }).ClickAsync();
        // The form's labels, not the tab of the same name ("访客").
        var form = desk.Locator(".ant-modal");
        await form.GetByLabel("拜访房号").FillAsync(unit.GetProperty("number").GetString()!);
        await desk.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        await form.GetByLabel("访客", new() { Exact = true }).FillAsync(visitor);
        await form.GetByLabel("电话", new() { Exact = true }).FillAsync("13800138000");
        await form.GetByLabel("证件号码").FillAsync("11010519491231002X");
        await form.GetByLabel("事由").FillAsync("送合同");
        await fixture.ShotAsync(desk, "40-desk-register-walk-in");
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var registered = desk.GetByText(new Regex(@"已通知主人确认，通行码 \d{8}"));
        await Expect(registered).ToBeVisibleAsync();
        var code = Regex.Match(await registered.InnerTextAsync(), @"\d{8}").Value;
        await Expect(desk.GetByTestId("desk-awaiting")).ToContainTextAsync(visitor);
        await fixture.ShotAsync(desk, "41-desk-walk-in-awaiting-host");

        // The host confirms.
        var mine = await occupantApi.GetFromJsonAsync<JsonElement>("/api/reception/visits?status=awaiting_host&pageSize=100", Cancel);
        var visit = mine.GetProperty("items").EnumerateArray().Single(v => v.GetProperty("visitorName").GetString() == visitor);
        (await occupantApi.PostAsync($"/api/reception/visits/{visit.GetProperty("id").GetGuid()}/confirm", null, Cancel)).EnsureSuccessStatusCode();

        // Guard on a phone: the pass code admits the confirmed visitor.
        var guard = await fixture.SignInAsync("security", ConsoleFixture.Phone);
        await guard.GotoAsync($"{fixture.GatewayUrl}/gate");
        await Expect(guard.GetByRole(AriaRole.Heading, new() { Name = "门岗" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await guard.GetByLabel("通行码").FillAsync(code);
        await guard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^查\\s?询$") }).ClickAsync();
        await Expect(guard.GetByTestId("gate-visit")).ToContainTextAsync(visitor);
        await Expect(guard.GetByTestId("gate-visit")).ToContainTextAsync("待到访");
        await fixture.ShotAsync(guard, "42-gate-pass-code-found");
        await guard.GetByRole(AriaRole.Button, new() { Name = "登记入场" }).ClickAsync();
        await Expect(guard.GetByText($"{visitor} 已入场")).ToBeVisibleAsync();
        await fixture.ShotAsync(guard, "43-gate-checked-in");

        // The guard registers an unfamiliar vehicle and sees it on site.
        var plate = $"京A{DateTime.UtcNow:HHmmss}";
        await guard.GetByLabel("车牌").FillAsync(plate);
        await guard.GetByLabel("司机", new() { Exact = true }).FillAsync("快递员小李");
        await guard.GetByLabel("事由").FillAsync("送货");
        await guard.GetByRole(AriaRole.Button, new() { Name = "登记车辆入场" }).ClickAsync();
        await Expect(guard.GetByTestId("gate-vehicle").Filter(new() { HasText = plate })).ToBeVisibleAsync();
        await fixture.ShotAsync(guard, "47-gate-vehicle-on-site");

        // The desk sees the visitor on site, then reviews the open items before handing over.
        await desk.GetByRole(AriaRole.Button, new() { Name = "刷新" }).ClickAsync();
        await Expect(desk.GetByTestId("desk-on-site")).ToContainTextAsync(visitor);
        await Expect(desk.GetByTestId("desk-awaiting")).Not.ToContainTextAsync(visitor);
        await fixture.ShotAsync(desk, "44-desk-visitor-on-site");
        await desk.GetByRole(AriaRole.Tab, new() { Name = "交接班" }).ClickAsync();
        await Expect(desk.GetByTestId("handover-open-items")).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("handover-open-items").Locator(".ant-spin-spinning")).ToHaveCountAsync(0); // the shift's items are in
        await fixture.ShotAsync(desk, "45-desk-handover");
        await desk.GetByRole(AriaRole.Tab, new() { Name = "出门条" }).ClickAsync();
        await Expect(desk.GetByTestId("desk-exit-passes")).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "46-desk-exit-passes");
        await desk.GetByRole(AriaRole.Tab, new() { Name = "出入证" }).ClickAsync();
        await Expect(desk.GetByTestId("desk-access-cards")).ToBeVisibleAsync();
        await fixture.ShotAsync(desk, "48-desk-access-cards");

        // Lost and found at the desk: a wallet with cash is registered and goes to the admin office as a valuable.
        var wallet = $"黑色钱包{DateTime.UtcNow:HHmmss}";
        await desk.GetByRole(AriaRole.Tab, new() { Name = "失物招领" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记拾遗" }).ClickAsync();
        var found = desk.Locator(".ant-modal:visible");
        await found.GetByLabel("物品", new() { Exact = true }).FillAsync(wallet);
        await found.GetByLabel("估价（元）").FillAsync("800");
        await found.GetByLabel("特征").FillAsync("黑色皮质，内有现金约800元");
        await found.GetByLabel("拾获地点").FillAsync("A座大堂沙发");
        await found.GetByLabel("拾获人", new() { Exact = true }).FillAsync("保洁员李阿姨");
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var walletRow = desk.GetByTestId("lost-items").Locator("tr", new() { HasText = wallet });
        await Expect(walletRow).ToContainTextAsync("贵重物品");
        await Expect(walletRow).ToContainTextAsync("行政办公室");
        await fixture.ShotAsync(desk, "52-desk-lost-and-found");

        // Keys of vacant units at the desk: a key is registered and signed out for the day.
        var label = $"大门钥匙{DateTime.UtcNow:HHmmss}";
        await desk.GetByRole(AriaRole.Tab, new() { Name = "空置房钥匙" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记钥匙" }).ClickAsync();
        var keyForm = desk.Locator(".ant-modal:visible");
        await keyForm.GetByLabel("房号").FillAsync(unit.GetProperty("number").GetString()!);
        await desk.Locator(".ant-select-item-option", new() { HasText = unitLabel }).First.ClickAsync();
        await keyForm.GetByLabel("钥匙名称").FillAsync(label);
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var keyRow = desk.GetByTestId("unit-keys").Locator("tr", new() { HasText = label });
        await Expect(keyRow).ToContainTextAsync("在册");
        await keyRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^借\\s?出$") }).ClickAsync();
        var signOut = desk.Locator(".ant-modal:visible");
        await signOut.GetByLabel("借用人", new() { Exact = true }).FillAsync("工程部张工");
        await signOut.GetByLabel("事由").FillAsync("检查漏水");
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        await Expect(keyRow).ToContainTextAsync("已借出");
        await Expect(keyRow).ToContainTextAsync("工程部张工");
        await fixture.ShotAsync(desk, "53-desk-keys");

        // An enquiry the desk cannot answer at once is owed by a time, listed as waiting, then answered.
        var question = $"电梯年检安排在哪天？{DateTime.UtcNow:HHmmss}";
        await desk.GetByRole(AriaRole.Tab, new() { Name = "咨询" }).ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记咨询" }).ClickAsync();
        var enquiry = desk.Locator(".ant-modal:visible");
        await enquiry.GetByLabel("咨询人").FillAsync("业主刘先生");
        await enquiry.GetByLabel("电话").FillAsync("13700137000");
        await enquiry.GetByLabel("咨询内容").FillAsync(question);
        await enquiry.GetByText("稍后答复（约定时间）").ClickAsync();
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var enquiryRow = desk.GetByTestId("desk-enquiries").Locator("tr", new() { HasText = question });
        await Expect(enquiryRow).ToContainTextAsync("待答复");
        await fixture.ShotAsync(desk, "54-desk-enquiry-owed");
        await enquiryRow.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^答\\s?复$") }).ClickAsync();
        await desk.Locator(".ant-modal:visible").GetByLabel("答复").FillAsync("本月20日上午九点至十一点，届时暂停使用");
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        await Expect(enquiryRow).ToContainTextAsync("已答复");
        await Expect(enquiryRow).ToContainTextAsync("本月20日上午");
    }

    [Fact]
    public async Task An_occupant_invites_a_visitor_on_a_phone_shares_the_pass_and_the_guard_checks_them_in_with_its_code()
    {
        var visitor = $"赵六{DateTime.UtcNow:HHmmss}";

        // The host, on a phone: invite the visitor; the pass (code and QR) is shown to share.
        var host = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await host.GotoAsync($"{fixture.GatewayUrl}/portal/visitors");
        await Expect(host.GetByRole(AriaRole.Heading, new() { Name = "我的访客" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await host.GetByRole(AriaRole.Button, new() { Name = "邀请访客" }).ClickAsync();
        var form = host.Locator(".ant-modal");
        await form.GetByLabel("拜访房号").ClickAsync();
        await host.Locator(".ant-select-item-option").First.ClickAsync();
        await form.GetByLabel("访客", new() { Exact = true }).FillAsync(visitor);
        await form.GetByLabel("电话", new() { Exact = true }).FillAsync("13900139000");
        await form.GetByLabel("证件号码").FillAsync("110105194912310038");
        await form.GetByLabel("事由").FillAsync("拜访朋友");
        // The visitor type the host picks: a VIP is told to the manager.
        await form.GetByLabel("来访类别").ClickAsync();
        await host.Locator(".ant-select-item-option", new() { HasText = "贵宾" }).ClickAsync();
        await fixture.ShotAsync(host, "49-portal-invite-visitor");
        await host.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var pass = host.GetByTestId("portal-pass");
        // The service's first encryption creates its data-protection key: the first invitation may take a while.
        await Expect(pass).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(pass.Locator("canvas, svg").First).ToBeVisibleAsync(); // the QR code
        var code = Regex.Match(await pass.InnerTextAsync(), @"\d{8}").Value;
        code.ShouldNotBeEmpty();
        await fixture.ShotAsync(host, "50-portal-pass-to-share");

        // The guard checks the visitor in with the code.
        var guard = await fixture.SignInAsync("security", ConsoleFixture.Phone);
        await guard.GotoAsync($"{fixture.GatewayUrl}/gate");
        await Expect(guard.GetByRole(AriaRole.Heading, new() { Name = "门岗" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await guard.GetByLabel("通行码").FillAsync(code);
        await guard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^查\\s?询$") }).ClickAsync();
        await Expect(guard.GetByTestId("gate-visit")).ToContainTextAsync(visitor);
        await Expect(guard.GetByTestId("gate-visit")).ToContainTextAsync("贵宾");
        // Security alone reads the full ID number, to compare with the document.
        await Expect(guard.GetByTestId("gate-full-id")).ToContainTextAsync("110105194912310038");
        await guard.GetByRole(AriaRole.Button, new() { Name = "登记入场" }).ClickAsync();
        await Expect(guard.GetByText($"{visitor} 已入场")).ToBeVisibleAsync();

        // The host sees the visitor on site.
        await host.ReloadAsync();
        await Expect(host.GetByTestId("portal-visit").Filter(new() { HasText = visitor })).ToContainTextAsync("在场", new() { Timeout = 30_000 });
        await fixture.ShotAsync(host, "51-portal-visitor-on-site");
    }

    [Fact]
    public async Task A_tenant_applies_for_an_exit_pass_with_a_photo_of_the_goods_and_the_guard_sees_it_at_the_gate()
    {
        var carrier = $"搬运工{DateTime.UtcNow:HHmmss}";

        // The tenant, on a phone: the goods, the authorised signer and a photo.
        var tenant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await tenant.GotoAsync($"{fixture.GatewayUrl}/portal/exit-passes");
        await Expect(tenant.GetByRole(AriaRole.Heading, new() { Name = "出门条申请" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await tenant.GetByRole(AriaRole.Button, new() { Name = "申请出门条" }).ClickAsync();
        var form = tenant.Locator(".ant-modal");
        await form.GetByLabel("房号").ClickAsync();
        await tenant.Locator(".ant-select-item-option").First.ClickAsync();
        // The unit's list closes before the signers' opens: pick from the open one only.
        var open = tenant.Locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
        await Expect(open).ToHaveCountAsync(0);
        await form.GetByLabel("携物人").FillAsync(carrier);
        await form.GetByLabel("授权签名人").ClickAsync();
        await open.Locator(".ant-select-item-option").First.ClickAsync();
        await form.GetByPlaceholder("物品名称").FillAsync("显示器");
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "goods.png", MimeType = "image/png", Buffer = TestImages.Png });
        await fixture.ShotAsync(tenant, "55-portal-exit-pass-with-photo");
        await tenant.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var applied = tenant.GetByTestId("portal-exit-pass").Filter(new() { HasText = carrier });
        await Expect(applied.GetByTestId("portal-exit-pass-photos").Locator("img")).ToHaveCountAsync(1);

        // The desk verifies the signer; the guard checking the goods sees the tenant's photo.
        using var desk = await fixture.ApiAsync("frontdesk");
        using var tenantApi = await fixture.ApiAsync("occupant");
        var passes = await tenantApi.GetFromJsonAsync<JsonElement>("/api/reception/exit-passes?pageSize=100", Cancel);
        var passId = passes.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("carrierName").GetString() == carrier).GetProperty("id").GetGuid();
        (await desk.PostAsync($"/api/reception/exit-passes/{passId}/verify", null, Cancel)).EnsureSuccessStatusCode();
        var guard = await fixture.SignInAsync("security", ConsoleFixture.Phone);
        await guard.GotoAsync($"{fixture.GatewayUrl}/gate");
        var atGate = guard.GetByTestId("gate-exit-pass").Filter(new() { HasText = carrier });
        await Expect(atGate.GetByTestId("gate-exit-pass-photos").Locator("img")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await fixture.ShotAsync(guard, "56-gate-exit-pass-photo");
    }

    [Fact]
    public async Task The_desk_records_a_weekly_inspection_whose_finding_raises_a_work_order()
    {
        var area = $"A座10-12层{DateTime.UtcNow:HHmmss}";
        var desk = await fixture.SignInAsync("frontdesk");
        await desk.GotoAsync($"{fixture.GatewayUrl}/inspections");
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Name = "空置房巡查" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记巡查" }).ClickAsync();
        var form = desk.Locator(".ant-modal:visible");
        await form.GetByText("每周分区巡查").ClickAsync();
        await form.GetByLabel("区域").FillAsync(area);
        await form.GetByRole(AriaRole.Button, new() { Name = "添加问题" }).ClickAsync();
        await form.GetByLabel("房号").ClickAsync();
        await desk.Locator(".ant-select-item-option:visible").First.ClickAsync();
        await form.GetByLabel("问题", new() { Exact = true }).FillAsync("卫生间天花板渗水");
        await form.GetByLabel("报修（选择类别即生成工单）").ClickAsync();
        await desk.Locator(".ant-select-item-option:visible", new() { HasText = "给排水" }).ClickAsync();
        await fixture.ShotAsync(desk, "57-desk-record-inspection");
        await desk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        var row = desk.GetByTestId("inspections").Locator("tr", new() { HasText = area });
        await Expect(row).ToContainTextAsync("卫生间天花板渗水");
        await Expect(row).ToContainTextAsync("已报修");
        await fixture.ShotAsync(desk, "58-desk-inspections");
    }

    [Fact]
    public async Task An_occupant_finds_an_item_on_the_notice_asks_for_it_and_follows_the_claim()
    {
        using var deskApi = await fixture.ApiAsync("frontdesk");
        using var occupantApi = await fixture.ApiAsync("occupant");
        var propertyId = (await occupantApi.GetFromJsonAsync<JsonElement>("/api/directory/units", Cancel)).GetProperty("items")[0].GetProperty("propertyId").GetGuid();
        var umbrella = $"蓝色雨伞{DateTime.UtcNow:HHmmss}";
        (await deskApi.PostAsJsonAsync("/api/reception/lost-items", new
        {
            propertyId, foundAt = DateTimeOffset.UtcNow.AddMinutes(-30), item = umbrella, category = "general", features = "折叠伞，伞柄有划痕",
            place = "A座大堂", finderName = "保洁员李阿姨", estimatedValue = 50,
        }, Cancel)).EnsureSuccessStatusCode();

        var occupant = await fixture.SignInAsync("occupant", ConsoleFixture.Phone);
        await occupant.GotoAsync($"{fixture.GatewayUrl}/portal/lost-found");
        var item = occupant.GetByTestId("portal-lost-item").Filter(new() { HasText = umbrella });
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(item).Not.ToContainTextAsync("划痕"); // the features are for the claimant to tell
        await item.GetByRole(AriaRole.Button, new() { Name = "这是我的" }).ClickAsync();
        var form = occupant.Locator(".ant-modal:visible");
        await form.GetByLabel("物品特征").FillAsync("蓝色折叠伞，伞柄有划痕");
        await form.GetByLabel("遗失地点").FillAsync("A座大堂");
        await occupant.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^确\\s?定$") }).ClickAsync();
        await Expect(occupant.GetByTestId("portal-lost-claims")).ToContainTextAsync("待到前台领取");
        await Expect(item).ToContainTextAsync("已申请");
        await fixture.ShotAsync(occupant, "59-portal-lost-and-found");
    }
}
