using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>Reminders of arrears (催缴) as events for Notifications, the arrears as CSV, and a period's journal as CSV for accounting.</summary>
public static class ArrearsExportsApi
{
    public static IEndpointRouteBuilder MapArrearsExportsApi(this IEndpointRouteBuilder app)
    {
        // Who may call what (README "Who may call what"), always within the caller's properties.
        app.MapPost("/arrears/reminders", SendReminders).WithName("SendArrearsReminders").WithTags("Arrears").Validate<ReminderRequest>()
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/arrears/export", ExportArrears).WithName("ExportArrears").WithTags("Arrears")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/journal", ExportJournal).WithName("ExportJournal").WithTags("Journal")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>
    /// Reminds every payer with lines past due (due before <c>asOf</c>, today by default, and still open):
    /// <see cref="ArrearsReminderDue"/> per unit and payer, through the outbox. A second call of the same day reminds
    /// nobody again.
    /// </summary>
    public static async Task<Results<Ok<ReminderRunView>, ValidationProblem>> SendReminders(
        ReminderRequest request, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var now = time.GetUtcNow();
        return TypedResults.Ok(await RemindAsync(db, request.PropertyId, request.AsOf ?? calendar.DayOf(now), now, cancellationToken));
    }

    /// <summary>One reminder sweep of a property and day in its own transaction (the endpoint's and the scheduler's).</summary>
    internal static async Task<ReminderRunView> RemindAsync(BillingDbContext db, Guid propertyId, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var run = await RemindCoreAsync(db, propertyId, day, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return run;
    }

    /// <summary><see cref="RemindAsync"/> inside the caller's transaction.</summary>
    internal static async Task<ReminderRunView> RemindCoreAsync(BillingDbContext db, Guid propertyId, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Sweeps of one property and day take turns, so the second finds the first's reminders.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({$"arrears-reminders:{propertyId}:{day:yyyy-MM-dd}"}, 0))", cancellationToken);
        var lines = await db.BillLines.AsNoTracking()
            .Where(l => l.PropertyId == propertyId && l.Status == BillLineStatus.Open && l.DueDate < day)
            .Select(l => new PastDueLine(l.UnitId, l.BuildingName, l.UnitNumber, l.PayerId, l.DueDate, l.Amount - l.AmountPaid))
            .ToListAsync(cancellationToken);
        var sent = (await db.ArrearsReminders.AsNoTracking().Where(r => r.PropertyId == propertyId && r.Day == day)
            .Select(r => new { r.UnitId, r.PayerId }).ToListAsync(cancellationToken)).Select(r => (r.UnitId, r.PayerId)).ToHashSet();
        var reminders = ArrearsReminder.For(propertyId, lines, day, now).Where(r => !sent.Contains((r.UnitId, r.PayerId))).ToList();
        db.ArrearsReminders.AddRange(reminders);
        await db.SaveChangesAsync(cancellationToken);
        return new ReminderRunView(propertyId, day, reminders.Count, sent.Count, reminders.Sum(r => r.Amount));
    }

    /// <summary>The arrears on a day as CSV (UTF-8 with BOM, for spreadsheets): one row per unit, aged as <c>GET /arrears</c>.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportArrears(
        Guid? propertyId, DateOnly? asOf, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var answer = await ArrearsApi.GetArrears(propertyId, asOf, caller, db, calendar, time, cancellationToken);
        if (answer.Result is not Ok<ArrearsView> { Value: { } arrears })
        {
            return (ValidationProblem)answer.Result;
        }
        var csv = new List<string[]> { new[] { "楼栋", "房号", "最早应缴日", "0-30天", "31-90天", "91-180天", "180天以上", "合计" } };
        foreach (var building in arrears.Buildings)
        {
            foreach (var unit in building.Units)
            {
                csv.Add([building.BuildingName, unit.UnitNumber, unit.OldestDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Yuan(unit.Aging.Days0To30), Yuan(unit.Aging.Days31To90), Yuan(unit.Aging.Days91To180), Yuan(unit.Aging.Over180Days), Yuan(unit.Aging.Total)]);
            }
        }
        csv.Add(["合计", "", "", Yuan(arrears.Total.Days0To30), Yuan(arrears.Total.Days31To90), Yuan(arrears.Total.Days91To180),
            Yuan(arrears.Total.Over180Days), Yuan(arrears.Total.Total)]);
        return BillingCsv.File(csv, $"arrears-{arrears.AsOf:yyyy-MM-dd}.csv");
    }

    /// <summary>
    /// A period's journal (流水) as CSV for accounting: the period's bill lines, and the payments, reversals and deposit
    /// steps of that month (property time), in time order. Amounts are positive; <c>entry</c> says which way they go.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportJournal(
        Guid? propertyId, string? period, Caller caller, BillingDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        if (propertyId is not { } property || !caller.CanSeeProperty(property))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        if (!BillingPeriod.TryParse(period, out var month))
        {
            return ProblemResults.Invalid("period", "Write the period as yyyy-MM, e.g. 2026-07.");
        }
        var (start, _) = calendar.DayBounds(month.FirstDay);
        var (_, end) = calendar.DayBounds(month.LastDay);
        var rows = new List<(DateTimeOffset At, string[] Fields)>();

        var lines = await db.BillLines.AsNoTracking().Where(l => l.PropertyId == property && l.Period == period).ToListAsync(cancellationToken);
        rows.AddRange(lines.Select(l => (l.IssuedAt, new[] { "bill", l.Id.ToString(), l.BuildingName, l.UnitNumber, Name(l.Item), l.Period, "", Yuan(l.Amount), l.Description })));
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.PropertyId == property && ((p.ReceivedAt >= start && p.ReceivedAt < end) || (p.ReversedAt >= start && p.ReversedAt < end)))
            .ToListAsync(cancellationToken);
        var receipts = await db.Receipts.AsNoTracking().Where(r => payments.Select(p => p.Id).Contains(r.PaymentId))
            .ToDictionaryAsync(r => r.PaymentId, r => r.Number, cancellationToken);
        foreach (var p in payments)
        {
            var number = receipts.GetValueOrDefault(p.Id, "");
            if (p.ReceivedAt >= start && p.ReceivedAt < end)
            {
                rows.Add((p.ReceivedAt, ["payment", number, p.BuildingName, p.UnitNumber, "", "", Method(p.Method), Yuan(p.Amount), $"{p.PayerName} 收款人 {p.CashierName}"]));
            }
            if (p.ReversedAt is { } reversed && reversed >= start && reversed < end)
            {
                rows.Add((reversed, ["reversal", number, p.BuildingName, p.UnitNumber, "", "", Method(p.Method), Yuan(p.Amount), p.ReversalReason ?? ""]));
            }
        }
        var steps = await (from s in db.DepositSteps.AsNoTracking()
                           join d in db.Deposits on s.DepositId equals d.Id
                           where d.PropertyId == property && s.At >= start && s.At < end
                           select new { s.At, s.Kind, s.Amount, s.Method, s.Reason, d.Id, d.BuildingName, d.UnitNumber, d.PayerName })
            .ToListAsync(cancellationToken);
        rows.AddRange(steps.Select(s => (s.At, new[]
        {
            $"deposit_{s.Kind.ToString().ToLowerInvariant()}", s.Id.ToString(), s.BuildingName, s.UnitNumber, "押金",
            "", s.Method is { } m ? Method(m) : "", Yuan(s.Amount), $"{s.PayerName} {s.Reason}".Trim(),
        })));

        var csv = new List<string[]> { new[] { "时间", "entry", "单号", "楼栋", "房号", "收费项目", "所属期间", "付款方式", "金额", "摘要" } };
        csv.AddRange(rows.OrderBy(r => r.At)
            .Select(r => (string[])[calendar.LocalTime(r.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), .. r.Fields]));
        return BillingCsv.File(csv, $"journal-{period}.csv");
    }

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Name(FeeItem item) => item switch
    {
        FeeItem.PropertyService => "物业服务费",
        FeeItem.Parking => "车位费",
        FeeItem.Water => "水费",
        FeeItem.Electricity => "电费",
        FeeItem.LateFee => "滞纳金",
        _ => "特约服务费",
    };

    private static string Method(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "现金",
        PaymentMethod.BankTransfer => "银行转账",
        PaymentMethod.Card => "刷卡",
        _ => "线上支付",
    };
}

public sealed record ReminderRequest(Guid PropertyId, DateOnly? AsOf);

public sealed class ReminderRequestValidator : AbstractValidator<ReminderRequest>
{
    public ReminderRequestValidator() => RuleFor(r => r.PropertyId).NotEmpty();
}

/// <summary>A reminder sweep: <c>sent</c> reminders now (for <c>amount</c> past due), <c>alreadySent</c> earlier the same day.</summary>
public sealed record ReminderRunView(Guid PropertyId, DateOnly AsOf, int Sent, int AlreadySent, decimal Amount);
