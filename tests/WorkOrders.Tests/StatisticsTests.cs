using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using PropertyPlatform.WorkOrders.Domain;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.WorkOrders.Tests;

/// <summary><c>GET /statistics</c>: a month's figures over a small set of orders whose every time is known.</summary>
public sealed class StatisticsTests(TestInfrastructure infrastructure)
{
    /// <summary>1 June 2027, 09:00 in China: every order of the month is taken then (t0).</summary>
    private static readonly DateTimeOffset T0 = new(2027, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_months_figures_count_what_happened_in_it()
    {
        await using var app = await WorkOrderDriver.StartAsync(infrastructure);
        var d = new WorkOrderDriver(app);
        var p = Guid.NewGuid();
        var q = Guid.NewGuid();
        var (unit, _) = await d.UnitAsync("1201", p);
        var (otherUnit, _) = await d.UnitAsync("0301", q);
        var e = await d.EngineerAsync(p);

        // May 31, 23:00 in China (15:00 UTC): May's, though it is still a day before June in no time zone at all.
        d.At(T0.AddHours(-10));
        await d.SubmitAsync(p, unit, "plumbing");

        var s1 = await At(d, T0, () => d.SubmitAsync(p, unit, "plumbing"));
        var s2 = await At(d, T0, () => d.SubmitAsync(p, unit, "plumbing"));
        var s3 = await At(d, T0, () => d.SubmitAsync(p, unit, "electrical"));
        var s4 = await At(d, T0, () => d.SubmitAsync(p, unit, "hvac"));
        var s5 = await At(d, T0, () => d.SubmitAsync(p, unit, "cleaning"));
        var s6 = await At(d, T0, () => d.SubmitAsync(p, unit, "plumbing"));
        await At(d, T0, () => d.SubmitAsync(q, otherUnit, "lifts"));
        foreach (var order in new[] { s1, s2, s3, s4, s5 })
        {
            await d.DispatchAsync(p, order, e);
        }
        await d.CancelAsync(p, s6);

        // Normal priority: 4 h to respond, 72 h to resolve.
        d.At(T0.AddMinutes(30));
        await d.AcceptAndStartAsync(p, s1, e); // response 30 min
        await d.AcceptAndStartAsync(p, s5, e);
        d.At(T0.AddHours(1));
        await d.AcceptAndStartAsync(p, s2, e); // 60 min
        await d.CompleteAsync(p, s5, e);
        d.At(T0.AddHours(2));
        await d.AcceptAndStartAsync(p, s3, e); // 120 min
        await d.FollowUpAsync(p, s5, 1); // unsatisfied: reopened, its acceptance and completion start over
        d.At(T0.AddHours(5));
        await d.AcceptAndStartAsync(p, s4, e); // 300 min: late
        d.At(T0.AddHours(6));
        await d.CompleteAsync(p, s1, e); // resolution 360 min
        await d.HoldAsync(p, s2, e, T0.AddHours(30));
        d.At(T0.AddHours(7));
        await d.FollowUpAsync(p, s1, 5);
        d.At(T0.AddHours(10));
        await d.ResumeAsync(p, s2, e); // 4 h on hold do not count
        d.At(T0.AddHours(12));
        await d.CompleteAsync(p, s2, e); // 720 - 240 = 480 min
        d.At(T0.AddHours(13));
        await d.FollowUpAsync(p, s2, 3);
        d.At(T0.AddHours(24));
        await d.CompleteAsync(p, s4, e); // 1440 min
        d.At(T0.AddHours(25));
        await d.FollowUpAsync(p, s4, 4);
        d.At(T0.AddHours(80));
        await d.CompleteAsync(p, s3, e); // 4800 min: late; never followed up

        var june = await WorkOrderDriver.GetJsonAsync(d.As(Roles.Manager, p), $"/statistics?propertyId={p}&month=2027-06");

        june.GetProperty("month").GetString().ShouldBe("2027-06");
        june.GetProperty("from").GetDateTimeOffset().ShouldBe(new DateTimeOffset(2027, 5, 31, 16, 0, 0, TimeSpan.Zero));
        var volume = june.GetProperty("volume");
        (volume.GetProperty("submitted").GetInt32(), volume.GetProperty("cancelled").GetInt32()).ShouldBe((6, 1));
        volume.GetProperty("byCategory").EnumerateArray()
            .ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("count").GetInt32())
            .ShouldBe(new Dictionary<string, int>
            {
                ["plumbing"] = 3, ["electrical"] = 1, ["hvac"] = 1, ["doors_and_locks"] = 0, ["lifts"] = 0, ["cleaning"] = 1, ["other"] = 0,
            });
        // Responses: 30, 60, 120, 300 min (s5's was undone by its reopening). p90 = 120 + 0.7 × (300 − 120).
        Figures(june.GetProperty("response")).ShouldBe((4, 3, 0.75, 127.5, 246.0));
        // Resolutions: 360, 480, 1440, 4800 min. p90 = 1440 + 0.7 × (4800 − 1440).
        Figures(june.GetProperty("resolution")).ShouldBe((4, 3, 0.75, 1770.0, 3792.0));
        var followUp = june.GetProperty("followUp");
        (followUp.GetProperty("completed").GetInt32(), followUp.GetProperty("followedUp").GetInt32(), followUp.GetProperty("rate").GetDouble())
            .ShouldBe((4, 3, 0.75));
        (followUp.GetProperty("rated").GetInt32(), followUp.GetProperty("averageSatisfaction").GetDouble()).ShouldBe((4, 3.25), "5, 3, 4 and s5's 1");
        var reopen = june.GetProperty("reopen");
        (reopen.GetProperty("submitted").GetInt32(), reopen.GetProperty("reopened").GetInt32(), reopen.GetProperty("rate").GetDouble())
            .ShouldBe((6, 1, 0.1667));

        var may = await WorkOrderDriver.GetJsonAsync(d.As(Roles.Supervisor, p), $"/statistics?propertyId={p}&month=2027-05");
        may.GetProperty("volume").GetProperty("submitted").GetInt32().ShouldBe(1);
        may.GetProperty("response").GetProperty("count").GetInt32().ShouldBe(0);
        may.GetProperty("reopen").GetProperty("rate").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task An_empty_month_has_zeros_and_no_rates_rather_than_an_error()
    {
        await using var app = await WorkOrderDriver.StartAsync(infrastructure);
        var d = new WorkOrderDriver(app);
        var p = Guid.NewGuid();

        var month = await WorkOrderDriver.GetJsonAsync(d.As(Roles.Admin, p), $"/statistics?propertyId={p}&month=2027-01");

        month.GetProperty("volume").GetProperty("submitted").GetInt32().ShouldBe(0);
        foreach (var figures in new[] { "response", "resolution" })
        {
            var f = month.GetProperty(figures);
            f.GetProperty("count").GetInt32().ShouldBe(0);
            foreach (var empty in new[] { "onTimeRate", "averageMinutes", "p90Minutes" })
            {
                f.GetProperty(empty).ValueKind.ShouldBe(JsonValueKind.Null);
            }
        }
        month.GetProperty("followUp").GetProperty("rate").ValueKind.ShouldBe(JsonValueKind.Null);
        month.GetProperty("followUp").GetProperty("averageSatisfaction").ValueKind.ShouldBe(JsonValueKind.Null);
        month.GetProperty("reopen").GetProperty("rate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Statistics_are_for_supervisors_managers_and_administrators_of_the_property()
    {
        await using var app = await WorkOrderDriver.StartAsync(infrastructure);
        var d = new WorkOrderDriver(app);
        var p = Guid.NewGuid();

        foreach (var role in new[] { Roles.FrontDesk, Roles.Engineer, Roles.Security, Roles.Finance, Roles.Occupant })
        {
            await (await d.As(role, p).GetAsync($"/statistics?propertyId={p}&month=2027-01", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
        await (await d.As(Roles.Manager, Guid.NewGuid()).GetAsync($"/statistics?propertyId={p}&month=2027-01", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await d.As(Roles.Manager, p).GetAsync($"/statistics?propertyId={p}&month=2027-13", Cancel)).ShouldHaveFieldErrorAsync("month");
        await (await d.As(Roles.Manager, p).GetAsync("/statistics?month=2027-01", Cancel)).ShouldHaveFieldErrorAsync("propertyId");
    }

    [Theory]
    [InlineData(new[] { 42.0 }, 42.0)]
    [InlineData(new[] { 10.0, 20.0 }, 19.0)]
    [InlineData(new[] { 30.0, 60.0, 120.0, 300.0 }, 246.0)]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0 }, 10.0)]
    public void The_90th_percentile_interpolates_as_percentile_cont_does(double[] sorted, double expected)
    {
        MonthlyFigures.Percentile(sorted, 0.9).ShouldBe(expected, 1e-9);
    }

    private static async Task<Guid> At(WorkOrderDriver driver, DateTimeOffset instant, Func<Task<Guid>> step)
    {
        driver.At(instant);
        return await step();
    }

    private static (int, int, double, double, double) Figures(JsonElement f) => (
        f.GetProperty("count").GetInt32(), f.GetProperty("onTime").GetInt32(), f.GetProperty("onTimeRate").GetDouble(),
        f.GetProperty("averageMinutes").GetDouble(), f.GetProperty("p90Minutes").GetDouble());
}
