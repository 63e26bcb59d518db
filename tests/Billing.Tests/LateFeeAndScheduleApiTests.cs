using System.Globalization;
using System.Net;
using System.Text.Json;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.Billing.Tests.BillRunApiTests;
using static PropertyPlatform.Billing.Tests.PaymentApiTests;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Billing.Tests;

/// <summary>Late fees (滞纳金) on the bills, the arrears and the bill run, and the scheduled runs, on real PostgreSQL and RabbitMQ.</summary>
public sealed class LateFeeAndScheduleApiTests(TestInfrastructure infrastructure)
{
    [Fact]
    public async Task Overdue_lines_accrue_late_fees_shown_on_the_bills_and_arrears_and_charged_once_per_period_by_the_run()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, shop, finance) = await TwoUnitsWithRatesAsync(app);
        // 万分之五 a day after 10 days, at most 5% of what is open: lines of July and August are at the cap by December.
        var rule = Json(new { propertyId = office.PropertyId, dailyRate = 0.0005m, graceDays = 10, cap = 0.05m, effectiveFrom = "2026-01-01" });
        (await finance.PostJsonAsync("/fee-schedules/late-fee-rules", rule)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await finance.PostJsonAsync("/fee-schedules/late-fee-rules", rule)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await finance.PostJsonAsync("/fee-schedules/late-fee-rules",
            Json(new { propertyId = office.PropertyId, dailyRate = 0.5m, graceDays = 10, cap = 0.05m, effectiveFrom = "2026-02-01" }))).ShouldHaveFieldErrorAsync("dailyRate");
        await (await app.ClientAs(Roles.Manager, office.PropertyId).PostJsonAsync("/fee-schedules/late-fee-rules", rule)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await finance.GetFromJsonAsync<JsonElement>($"/fee-schedules/late-fee-rules?propertyId={office.PropertyId}", Cancel))
            .GetProperty("inEffect").GetProperty("graceDays").GetInt32().ShouldBe(10);

        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-07"))).EnsureSuccessStatusCode();
        (await finance.PostJsonAsync("/payments", Payment(shop.UnitId, "bank_transfer", 480m))).EnsureSuccessStatusCode(); // the shop pays on time

        var bills = await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel);
        bills.GetProperty("lateFeeDue").GetDecimal().ShouldBe(21.10m); // 421.93 × 5% = 21.0965 → 21.10
        var fee = bills.GetProperty("lateFees").EnumerateArray().ShouldHaveSingleItem();
        fee.GetProperty("daysCharged").GetInt32().ShouldBe(Today(app).DayNumber - new DateOnly(2026, 7, 1).DayNumber - 10);
        var arrears = await finance.GetFromJsonAsync<JsonElement>($"/arrears?propertyId={office.PropertyId}", Cancel);
        arrears.GetProperty("lateFeeDue").GetDecimal().ShouldBe(21.10m);

        var august = await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).ReadJsonAsync();
        august.GetProperty("issued").GetInt32().ShouldBe(3); // two fees and the office's late fee
        var lateLine = august.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("item").GetString() == "late_fee");
        (lateLine.GetProperty("amount").GetDecimal(), lateLine.GetProperty("unitNumber").GetString()).ShouldBe((21.10m, "1201"));
        (await (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-08"))).ReadJsonAsync()).GetProperty("issued").GetInt32().ShouldBe(0);
        // The lines' BillIssued rows, written by COPY, are relayed to RabbitMQ like any other.
        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.BillIssued,%' AND sent_at IS NULL"),
            c => c == 0, BillingApp.Patience);
        (await app.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.BillIssued,%'")).ShouldBe(5);
        (await finance.GetFromJsonAsync<JsonElement>($"/units/{office.UnitId}/bills", Cancel)).GetProperty("lateFeeDue").GetDecimal()
            .ShouldBe(21.10m); // now August's line's, not charged yet; July's is charged

        // September's run charges August's late fees (office 21.10, shop 480 × 5% = 24.00) and nothing more of July's.
        (await finance.PostJsonAsync("/bill-runs", Run(office.PropertyId, "2026-09"))).EnsureSuccessStatusCode();
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines WHERE item = 'LateFee'")).ShouldBe(3);
        (await app.ScalarAsync<decimal>("SELECT sum(amount) FROM bill_lines WHERE item = 'LateFee'")).ShouldBe(66.20m);
    }

    [Fact]
    public async Task Scheduled_runs_are_stored_ahead_made_once_when_due_even_after_a_restart_and_never_again()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, _) = await TwoUnitsWithRatesAsync(app);
        var sweeper = app.Services.GetRequiredService<ScheduledRunSweeper>();
        var today = Today(app);

        (await sweeper.PlanAsync(Cancel)).ShouldBeGreaterThan(0);
        (await sweeper.PlanAsync(Cancel)).ShouldBe(0);
        (await sweeper.RunNextAsync(Cancel)).ShouldBeFalse(); // nothing is due today: a first start makes no surprise run

        // The service is down over the next 25th and back two days later: a new sweeper finds the run due and makes it.
        var the25th = today.Day < 25 ? new DateOnly(today.Year, today.Month, 25) : new DateOnly(today.Year, today.Month, 25).AddMonths(1);
        var backAt = new DateTimeOffset(the25th.AddDays(2).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        app.Time.Advance(backAt - app.Time.GetUtcNow());
        var restarted = ActivatorUtilities.CreateInstance<ScheduledRunSweeper>(app.Services);
        while (await restarted.RunNextAsync(Cancel))
        {
        }

        var nextMonth = the25th.AddMonths(1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM bill_lines WHERE period = '{nextMonth}' AND item = 'PropertyService'")).ShouldBe(2);
        (await app.ScalarAsync<string>($"SELECT outcome FROM scheduled_runs WHERE kind = 'MonthlyBillRun' AND due_on = '{the25th:yyyy-MM-dd}'"))
            .ShouldStartWith("issued 2 lines");
        (await restarted.RunNextAsync(Cancel)).ShouldBeFalse();
        (await sweeper.RunNextAsync(Cancel)).ShouldBeFalse();
        (await app.ScalarAsync<long>($"SELECT count(*) FROM bill_lines WHERE period = '{nextMonth}'")).ShouldBe(2);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM scheduled_runs WHERE property_id = '{office.PropertyId}' AND due_on <= '{the25th:yyyy-MM-dd}' AND done_at IS NULL"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task A_failing_scheduled_run_is_recorded_retried_later_and_holds_up_no_run_after_it()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        var sweeper = app.Services.GetRequiredService<ScheduledRunSweeper>();
        await sweeper.PlanAsync(Cancel);
        // The monthly run is due first and cannot be made (its period is unreadable); the reminders are due after it.
        var monthly = await app.ScalarAsync<Guid>("SELECT id FROM scheduled_runs WHERE kind = 'MonthlyBillRun' ORDER BY due_on LIMIT 1");
        var period = await app.ScalarAsync<string>($"SELECT period FROM scheduled_runs WHERE id = '{monthly}'");
        var now = app.Time.GetUtcNow();
        await app.ScalarAsync<object?>($"UPDATE scheduled_runs SET due_at = '{now.AddHours(-2):O}', period = 'bad' WHERE id = '{monthly}'");
        await app.ScalarAsync<object?>($"UPDATE scheduled_runs SET due_at = '{now.AddHours(-1):O}' WHERE id = (SELECT id FROM scheduled_runs WHERE kind = 'ArrearsReminders' ORDER BY due_on LIMIT 1)");
        app.Time.Advance(TimeSpan.FromSeconds(1));

        (await sweeper.RunNextAsync(Cancel)).ShouldBeTrue(); // the monthly run fails: recorded, rolled back
        (await sweeper.RunNextAsync(Cancel)).ShouldBeTrue(); // the reminders are made all the same
        (await sweeper.RunNextAsync(Cancel)).ShouldBeFalse(); // the failed one waits for its retry
        (await app.ScalarAsync<long>("SELECT count(*) FROM scheduled_runs WHERE kind = 'ArrearsReminders' AND done_at IS NOT NULL")).ShouldBeGreaterThan(0);

        var failing = (await finance.GetFromJsonAsync<JsonElement>($"/scheduled-runs?propertyId={office.PropertyId}&failing=true", Cancel))
            .EnumerateArray().ShouldHaveSingleItem();
        failing.GetProperty("kind").GetString().ShouldBe("monthly_bill_run");
        failing.GetProperty("failures").GetInt32().ShouldBe(1);
        failing.GetProperty("lastError").GetString()!.ShouldContain("bad");
        failing.GetProperty("doneAt").ValueKind.ShouldBe(JsonValueKind.Null);
        var nextAttempt = failing.GetProperty("nextAttemptAt").GetDateTimeOffset();
        (nextAttempt - failing.GetProperty("lastFailedAt").GetDateTimeOffset()).ShouldBe(TimeSpan.FromMinutes(1));

        // A minute on it fails again and waits twice as long; once it can be made, it is made once.
        app.Time.Advance(TimeSpan.FromSeconds(61));
        (await sweeper.RunNextAsync(Cancel)).ShouldBeTrue();
        (await app.ScalarAsync<int>($"SELECT failures FROM scheduled_runs WHERE id = '{monthly}'")).ShouldBe(2);
        (await sweeper.RunNextAsync(Cancel)).ShouldBeFalse();
        await app.ScalarAsync<object?>($"UPDATE scheduled_runs SET period = '{period}' WHERE id = '{monthly}'");
        app.Time.Advance(TimeSpan.FromMinutes(2));
        (await sweeper.RunNextAsync(Cancel)).ShouldBeTrue();
        (await app.ScalarAsync<long>($"SELECT count(*) FROM bill_lines WHERE period = '{period}' AND item = 'PropertyService'")).ShouldBe(2);
        (await app.ScalarAsync<string>($"SELECT outcome FROM scheduled_runs WHERE id = '{monthly}'")).ShouldStartWith("issued 2 lines");
        (await finance.GetFromJsonAsync<JsonElement>($"/scheduled-runs?propertyId={office.PropertyId}&failing=true", Cancel)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_scheduled_run_after_readings_close_bills_the_months_readings_and_nothing_else()
    {
        await using var app = await BillingTestApp.StartAsync(infrastructure);
        var (office, _, finance) = await TwoUnitsWithRatesAsync(app);
        (await finance.PostJsonAsync("/fee-schedules", FeeScheduleApiTests.Rate(office.PropertyId, 4.2m, "2026-01-01", item: "water", unitType: null)))
            .EnsureSuccessStatusCode();
        var sweeper = app.Services.GetRequiredService<ScheduledRunSweeper>();
        await sweeper.PlanAsync(Cancel);
        // Next month's fees were billed some other way: its monthly (or quarterly) run is not made. The readings of next month close on
        // its 15th; they are read on the 2nd and the 12th.
        await app.ScalarAsync<object?>("UPDATE scheduled_runs SET done_at = now(), outcome = 'billed elsewhere' WHERE kind IN ('MonthlyBillRun', 'QuarterlyBillRun')");
        var nextMonth = new DateOnly(Today(app).Year, Today(app).Month, 1).AddMonths(1);
        app.Time.Advance(new DateTimeOffset(nextMonth.AddDays(11).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)) - app.Time.GetUtcNow());
        var clerk = app.ClientAs(Roles.Finance, office.PropertyId); // signed in a month later
        foreach (var (day, value) in new[] { (2, 100m), (12, 112.5m) })
        {
            (await clerk.PostJsonAsync("/meter-readings", Json(new { unitId = office.UnitId, item = "water", readOn = nextMonth.AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value })))
                .EnsureSuccessStatusCode();
        }
        while (await sweeper.RunNextAsync(Cancel))
        {
        }
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines")).ShouldBe(0); // the reminders came and went

        app.Time.Advance(new DateTimeOffset(nextMonth.AddDays(15).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)) - app.Time.GetUtcNow());
        (await sweeper.RunNextAsync(Cancel)).ShouldBeTrue();
        (await sweeper.RunNextAsync(Cancel)).ShouldBeFalse();
        // 12.5 m³ × 4.20 = 52.50, and not the month's property-service fees.
        (await app.ScalarAsync<long>("SELECT count(*) FROM bill_lines WHERE item <> 'Water'")).ShouldBe(0);
        (await app.ScalarAsync<decimal>($"SELECT amount FROM bill_lines WHERE item = 'Water' AND period = '{nextMonth:yyyy-MM}'")).ShouldBe(52.50m);
        (await app.ScalarAsync<string>($"SELECT outcome FROM scheduled_runs WHERE kind = 'MeteredBillRun' AND period = '{nextMonth:yyyy-MM}'")).ShouldStartWith("issued 1 lines");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(30, 60)]
    public void A_failed_run_is_retried_after_a_wait_that_doubles_up_to_an_hour(int failures, int minutes) =>
        Domain.ScheduledRun.RetryDelay(failures).ShouldBe(TimeSpan.FromMinutes(minutes));

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static DateOnly Today(BillingApp app) => DateOnly.FromDateTime(app.Time.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
