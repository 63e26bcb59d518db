using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PropertyPlatform.WebConsole.Tests;

/// <summary>The administrator imports units and occupants from a spreadsheet and sees what each row became and why rows were refused.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AdminTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_import_shows_the_rows_imported_and_each_rejected_row_with_its_errors()
    {
        // A building of its own, so the units other tests pick from are not disturbed.
        var stamp = DateTime.UtcNow.ToString("HHmmss");
        var csv = "楼栋,房号,楼层,类型,计费面积,业户名称,业户类别,电话,邮箱,入住身份,入伙日期\n" +
            $"Z座,{stamp}1,1,库房,12.5,,,,,,\n" +
            $"Z座,{stamp}2,abc,住宅,-3,,,,,,\n" +
            $"Z座,{stamp}3,1,写字间,50,王先生,个人,,,业主,2026-01-01\n";

        var admin = await fixture.SignInAsync("admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "基础资料" }).ClickAsync();
        await admin.GetByRole(AriaRole.Tab, new() { Name = "批量导入" }).ClickAsync();
        await admin.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "units.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });

        var report = admin.GetByTestId("import-report");
        // Each row is its own transaction: on two busy cores a file of three rows can take a while.
        await Expect(report).ToContainTextAsync("导入完成：1 行导入，2 行被拒绝", new() { Timeout = 60_000 });
        // Only the refused rows at first, each with the columns to fix.
        await Expect(report.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{stamp}2" })).ToContainTextAsync("楼层:");
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{stamp}2" })).ToContainTextAsync("计费面积:");
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{stamp}3" })).ToContainTextAsync("被拒绝");
        await fixture.ShotAsync(admin, "40-admin-import-report");

        await admin.GetByLabel("只看被拒绝的行").ClickAsync();
        await Expect(report.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{stamp}1" })).ToContainTextAsync("已导入");

        // The imported unit is in the units list of its new building.
        await admin.GetByRole(AriaRole.Tab, new() { Name = "房屋" }).ClickAsync();
        await admin.GetByLabel("楼栋").ClickAsync();
        await admin.Locator(".ant-select-item-option", new() { HasText = "Z座" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = $"{stamp}1" })).ToContainTextAsync("库房");
        await fixture.ShotAsync(admin, "41-admin-units");
        await admin.Context.CloseAsync();
    }
}
