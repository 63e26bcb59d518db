using System.Globalization;
using System.Net;
using System.Text;
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

/// <summary>Daily cash close (日清日缴): a cashier's day of cash, its close and the cash remittance slip (现金缴款单).</summary>
public static class CashDaysApi
{
    public static IEndpointRouteBuilder MapCashDaysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/cash-days").WithTags("Cash days");

        // Who may call what (README "Who may call what"): cashiers (finance) their own day; a manager any cashier's, and a mismatch.
        api.MapGet("/", GetCashDay).WithName("GetCashDay")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/closed", ListClosedCashDays).WithName("ListClosedCashDays")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/close", CloseCashDay).WithName("CloseCashDay").Validate<CloseCashDayRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}/slip", PrintRemittanceSlip).WithName("PrintRemittanceSlip")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>
    /// A cashier's day (the caller's by default; today at the property by default): its cash receipts and cash deposits,
    /// what they add up to, and — once closed — what was counted and the supervisor's note.
    /// </summary>
    public static async Task<Results<Ok<CashDayView>, ValidationProblem>> GetCashDay(
        Guid? propertyId, DateOnly? day, Guid? cashierId, Caller caller, BillingDbContext db, CashDays cashDays, PropertyCalendar calendar,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (propertyId is not { } property || !caller.CanSeeProperty(property))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var theDay = day ?? calendar.DayOf(time.GetUtcNow());
        var cashier = cashierId ?? caller.PersonId;
        var closed = await db.CashDays.AsNoTracking()
            .SingleOrDefaultAsync(d => d.PropertyId == property && d.CashierId == cashier && d.Day == theDay, cancellationToken);
        var summary = await cashDays.SummarizeAsync(property, cashier, await CashierNameAsync(db, caller, cashier, closed, cancellationToken), theDay, cancellationToken);
        return TypedResults.Ok(CashDayView.From(summary, closed));
    }

    /// <summary>A property's closed days between two days (both included; the last 31 days by default), newest first.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ClosedCashDayView>>, ValidationProblem>> ListClosedCashDays(
        Guid? propertyId, DateOnly? from, DateOnly? to, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (propertyId is not { } property || !caller.CanSeeProperty(property))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var last = to ?? calendar.DayOf(time.GetUtcNow());
        var first = from ?? last.AddDays(-30);
        var days = await db.CashDays.AsNoTracking().Where(d => d.PropertyId == property && d.Day >= first && d.Day <= last)
            .OrderByDescending(d => d.Day).ThenBy(d => d.CashierName).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ClosedCashDayView>>(days.Select(ClosedCashDayView.From).ToList());
    }

    /// <summary>
    /// Closes a cashier's day with the cash counted: when it matches the day's cash receipts and deposits (票款相符) the
    /// cashier closes it; a mismatch is closed by a manager with a note. <see cref="CashDayClosed"/> goes out in the same
    /// transaction, and the day takes no more cash.
    /// </summary>
    public static async Task<Results<Created<CashDayView>, ValidationProblem, ProblemHttpResult>> CloseCashDay(
        CloseCashDayRequest request, Caller caller, BillingDbContext db, CashDays cashDays, PropertyCalendar calendar, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!caller.CanSeeProperty(request.PropertyId))
        {
            return ProblemResults.Invalid("propertyId", "No property with this id is known.");
        }
        var now = time.GetUtcNow();
        var day = request.Day!.Value;
        if (day > calendar.DayOf(now))
        {
            return ProblemResults.Invalid("day", "A day is closed on or after it, not before.");
        }
        var supervisor = caller.IsInAnyRole(Roles.Manager, Roles.Admin);
        var cashier = request.CashierId ?? caller.PersonId;
        if (cashier != caller.PersonId && !supervisor)
        {
            return ProblemResults.Invalid("cashierId", "A cashier closes their own day; a manager closes another cashier's.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await cashDays.LockAsync(request.PropertyId, cashier, day, cancellationToken);
        if (await db.CashDays.AnyAsync(d => d.PropertyId == request.PropertyId && d.CashierId == cashier && d.Day == day, cancellationToken))
        {
            return ProblemResults.Conflict($"The cash day of {day:yyyy-MM-dd} is closed already.");
        }
        var summary = await cashDays.SummarizeAsync(request.PropertyId, cashier, await CashierNameAsync(db, caller, cashier, null, cancellationToken), day, cancellationToken);
        var closed = CashDay.Close(summary, request.Counted!.Value, request.SupervisorNote, supervisor, caller.AsActor(), now);
        db.CashDays.Add(closed);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/cash-days/{closed.Id}/slip", CashDayView.From(summary, closed));
    }

    /// <summary>The cash remittance slip (现金缴款单) of a closed day, as a printable page (zh-CN).</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrintRemittanceSlip(
        Guid id, Caller caller, BillingDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        var day = await db.CashDays.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return day is not null && caller.CanSeeProperty(day.PropertyId)
            ? TypedResults.Content(RemittanceSlip.Html(day, calendar), "text/html; charset=utf-8")
            : ProblemResults.NotFound("cash day", id);
    }

    private static async Task<string> CashierNameAsync(BillingDbContext db, Caller caller, Guid cashier, CashDay? closed, CancellationToken cancellationToken) =>
        closed?.CashierName
        ?? (cashier == caller.PersonId ? caller.AsActor().Name : null)
        ?? await db.Receipts.AsNoTracking().Where(r => r.CashierId == cashier).OrderByDescending(r => r.PaidAt).Select(r => r.CashierName)
            .FirstOrDefaultAsync(cancellationToken)
        ?? "";
}

public sealed record CloseCashDayRequest(Guid PropertyId, DateOnly? Day, Guid? CashierId, decimal? Counted, string? SupervisorNote);

public sealed class CloseCashDayRequestValidator : AbstractValidator<CloseCashDayRequest>
{
    public CloseCashDayRequestValidator()
    {
        RuleFor(r => r.PropertyId).NotEmpty();
        RuleFor(r => r.Day).NotNull();
        RuleFor(r => r.Counted).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(Payment.MaxAmount)
            .Must(c => c is null || Money.RoundToFen(c.Value) == c.Value).WithMessage("The cash counted is exact to the fen (two decimals).");
        RuleFor(r => r.SupervisorNote).MaximumLength(CashDay.NoteMaxLength);
    }
}

/// <summary>
/// A cashier's day of cash. <c>closed</c> false: it still takes cash, and <c>counted</c>, <c>difference</c>,
/// <c>balanced</c>, <c>supervisorNote</c>, <c>closedAt</c>, <c>closedBy</c> and <c>id</c> are null. The slip of a closed
/// day is at <c>/cash-days/{id}/slip</c>.
/// </summary>
public sealed record CashDayView(
    Guid? Id, Guid PropertyId, Guid CashierId, string CashierName, DateOnly Day, bool Closed,
    IReadOnlyList<CashReceipt> Receipts, IReadOnlyList<CashDepositStep> Deposits,
    decimal ReceiptsTotal, decimal DepositsIn, decimal DepositsOut, decimal Expected,
    decimal? Counted, decimal? Difference, bool? Balanced, string? SupervisorNote, DateTimeOffset? ClosedAt, Actor? ClosedBy)
{
    public static CashDayView From(CashDaySummary s, CashDay? closed) => closed is null
        ? new(null, s.PropertyId, s.CashierId, s.CashierName, s.Day, false, s.Receipts, s.Deposits, s.ReceiptsTotal, s.DepositsIn, s.DepositsOut,
            s.Expected, null, null, null, null, null, null)
        // Closed: the figures as they were closed.
        : new(closed.Id, s.PropertyId, s.CashierId, closed.CashierName, s.Day, true, s.Receipts, s.Deposits, closed.ReceiptsTotal, closed.DepositsIn,
            closed.DepositsOut, closed.Expected, closed.Counted, closed.Difference, closed.Balanced, closed.SupervisorNote, closed.ClosedAt,
            new Actor(closed.ClosedById, closed.ClosedByName));
}

public sealed record ClosedCashDayView(
    Guid Id, Guid PropertyId, Guid CashierId, string CashierName, DateOnly Day, int Receipts, int VoidedReceipts, string? FirstReceiptNumber,
    string? LastReceiptNumber, decimal ReceiptsTotal, decimal DepositsIn, decimal DepositsOut, decimal Expected, decimal Counted, decimal Difference,
    bool Balanced, string? SupervisorNote, DateTimeOffset ClosedAt, Actor ClosedBy)
{
    public static ClosedCashDayView From(CashDay d) => new(
        d.Id, d.PropertyId, d.CashierId, d.CashierName, d.Day, d.ReceiptCount, d.VoidedReceiptCount, d.FirstReceiptNumber, d.LastReceiptNumber,
        d.ReceiptsTotal, d.DepositsIn, d.DepositsOut, d.Expected, d.Counted, d.Difference, d.Balanced, d.SupervisorNote, d.ClosedAt,
        new Actor(d.ClosedById, d.ClosedByName));
}

/// <summary>The cash remittance slip (现金缴款单): what a cashier hands in for a closed day, in figures and in capitals.</summary>
public static class RemittanceSlip
{
    public static string Html(CashDay d, PropertyCalendar calendar)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

        var numbers = d.FirstReceiptNumber is null ? "无" : d.FirstReceiptNumber == d.LastReceiptNumber ? d.FirstReceiptNumber : $"{d.FirstReceiptNumber} 至 {d.LastReceiptNumber}";
        var mismatch = new StringBuilder();
        if (!d.Balanced)
        {
            mismatch.Append(CultureInfo.InvariantCulture,
                $"<p class=\"warn\">票款不符：{(d.Difference > 0 ? "长款" : "短款")} {Yuan(Math.Abs(d.Difference))} 元　主管说明：{E(d.SupervisorNote ?? "")}</p>");
        }
        var closedAt = calendar.LocalTime(d.ClosedAt).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>现金缴款单 {{d.Day:yyyy-MM-dd}} {{E(d.CashierName)}}</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em}h1{text-align:center;letter-spacing:.3em}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:.3em .5em}.n{text-align:right}
            .warn{color:#c00;font-weight:bold}
            @media print{button{display:none} }
            </style></head>
            <body>
            <h1>现金缴款单</h1>
            <p>收款日期：{{d.Day:yyyy年M月d日}}　　收款员：{{E(d.CashierName)}}　　日结时间：{{E(closedAt)}}</p>
            <table>
            <tbody>
            <tr><td>收据号码</td><td>{{E(numbers)}}</td></tr>
            <tr><td>有效收据张数</td><td class="n">{{d.ReceiptCount}}</td></tr>
            <tr><td>作废收据张数</td><td class="n">{{d.VoidedReceiptCount}}</td></tr>
            <tr><td>现金收据金额</td><td class="n">{{Yuan(d.ReceiptsTotal)}}</td></tr>
            <tr><td>收取押金（现金）</td><td class="n">{{Yuan(d.DepositsIn)}}</td></tr>
            <tr><td>退还押金（现金）</td><td class="n">{{Yuan(d.DepositsOut)}}</td></tr>
            <tr><td>应缴现金</td><td class="n">{{Yuan(d.Expected)}}</td></tr>
            <tr><td>实缴现金</td><td class="n">¥{{Yuan(d.Counted)}}</td></tr>
            <tr><td>实缴金额（大写）</td><td>{{E(ChineseAmount.ToCapitals(d.Counted))}}</td></tr>
            </tbody>
            </table>
            {{mismatch}}
            <p>缴款人：{{E(d.CashierName)}}　　　　日结人：{{E(d.ClosedByName)}}　　　　财务收款人（签字）：＿＿＿＿＿＿</p>
            <button onclick="window.print()">打印</button>
            </body>
            </html>
            """;
    }
}
