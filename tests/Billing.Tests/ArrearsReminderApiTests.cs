using System.Text.Json;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.OccupancyApiTests;
using static PropertyPlatform.Billing.Tests.PaymentApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Reminders of arrears (催缴) as events, the arrears and a period's journal as CSV.</summary>
public sealed class ArrearsReminderApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public void A_reminder_goes_per_unit_and_payer_for_lines_due_before_the_day_and_still_open()
    {
        var unit = Guid.NewGuid();
        var payer = Guid.NewGuid();
        var asOf = new DateOnly(2026, 9, 1);
        PastDueLine Line(Guid? who, string due, decimal open) =>
            new(unit, "A座", "1201", who, DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), open);

        var reminders = ArrearsReminder.For(Guid.NewGuid(), [
            Line(payer, "2026-07-01", 421.93m), Line(payer, "2026-08-01", 100m),
            Line(payer, "2026-09-01", 421.93m), // due today: not past due yet
            Line(null, "2026-08-01", 50m), // no payer known: a reminder of its own
            Line(payer, "2026-06-01", 0m)], asOf, BillRunTests.Now);

        reminders.Count.ShouldBe(2);
        var due = reminders.SelectMany(r => r.PendingEvents).OfType<ArrearsReminderDue>().Single(e => e.PayerId == payer);
        (due.Amount, due.Lines, due.OldestDueDate, due.DaysOverdue).ShouldBe((521.93m, 2, new DateOnly(2026, 7, 1), 62));
    }

    [Fact]
    public async Task Past_due_payers_are_reminded_once_a_day_and_the_arrears_and_journal_export_as_csv()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        var owner = await MoveInAsync(app, office, OccupancyRole.Owner, "2020-01-01");
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/payments", Payment(shop.UnitId, "cash", 480m))).EnsureSuccessStatusCode(); // the shop pays in full

        var first = await (await finance.PostJsonAsync("/arrears/reminders", JsonSerializer.Serialize(new { propertyId = office.PropertyId, asOf = "2026-08-15" }))).ReadJsonAsync();
        var again = await (await finance.PostJsonAsync("/arrears/reminders", JsonSerializer.Serialize(new { propertyId = office.PropertyId, asOf = "2026-08-15" }))).ReadJsonAsync();

        (first.GetProperty("sent").GetInt32(), first.GetProperty("amount").GetDecimal()).ShouldBe((1, 421.93m));
        (again.GetProperty("sent").GetInt32(), again.GetProperty("alreadySent").GetInt32()).ShouldBe((0, 1));
        var message = await app.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE message_type LIKE '%.ArrearsReminderDue,%'");
        message.ShouldContain(owner.OccupantId.ToString());
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.ArrearsReminderDue,%'")).ShouldBe(1);
        await (await app.ClientAs(Roles.Finance, Guid.NewGuid()).PostJsonAsync("/arrears/reminders", JsonSerializer.Serialize(new { propertyId = office.PropertyId })))
            .ShouldHaveFieldErrorAsync("propertyId");

        var arrears = await finance.GetAsync($"/arrears/export?propertyId={office.PropertyId}&asOf=2026-08-15", Cancel);
        arrears.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var arrearsCsv = await arrears.Content.ReadAsStringAsync(Cancel);
        // Due 1 July, 45 days overdue on 15 August: the 31–90 column.
        arrearsCsv.ShouldContain("A座,1201,2026-07-01,0.00,421.93,0.00,0.00,421.93");
        arrearsCsv.ShouldNotContain(",0101,");

        var journal = await (await finance.GetAsync($"/journal?propertyId={office.PropertyId}&period=2026-07", Cancel)).Content.ReadAsStringAsync(Cancel);
        journal.ShouldContain(",bill,");
        journal.ShouldContain("物业服务费");
        await (await finance.GetAsync($"/journal?propertyId={office.PropertyId}&period=July", Cancel)).ShouldHaveFieldErrorAsync("period");
    }
}
