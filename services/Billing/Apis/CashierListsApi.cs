using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.Billing.Domain;
using PropertyPlatform.Billing.Infrastructure;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.Billing.Apis;

/// <summary>
/// What the cashier and their supervisor look back on: payments and receipts (收款记录、收据) filtered by day, cashier,
/// unit and method, a page at a time; and the payment notice (付款通知书) of a unit's payer, printable.
/// </summary>
public static class CashierListsApi
{
    public static IEndpointRouteBuilder MapCashierListsApi(this IEndpointRouteBuilder app)
    {
        // Who may call what (README "Who may call what"), always within the caller's properties.
        app.MapGet("/payments", ListPayments).WithName("ListPayments").WithTags("Payments")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/receipts", ListReceipts).WithName("ListReceipts").WithTags("Receipts")
            .RequireRoles(Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/units/{unitId:guid}/payment-notice", PrintPaymentNotice).WithName("PrintPaymentNotice").WithTags("Bills")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        return app;
    }

    /// <summary>A property's payments, newest first, filtered by day (property time), cashier, unit and method.</summary>
    public static async Task<Results<Ok<Page<PaymentView>>, ValidationProblem>> ListPayments(
        Guid? propertyId, DateOnly? day, Guid? cashierId, Guid? unitId, string? method, [AsParameters] PageRequest page, Caller caller,
        BillingDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's payments to list.");
        }
        if (!QueryEnum.TryParse<PaymentMethod>(method, out var parsedMethod))
        {
            return ProblemResults.Invalid("method", $"Method is one of: {QueryEnum.AllowedValues<PaymentMethod>()}.");
        }
        var query = db.Payments.AsNoTracking().InPropertiesOf(caller, p => p.PropertyId).Where(p => p.PropertyId == propertyId);
        if (day is { } d)
        {
            var (start, end) = calendar.DayBounds(d);
            query = query.Where(p => p.ReceivedAt >= start && p.ReceivedAt < end);
        }
        if (cashierId is not null)
        {
            query = query.Where(p => p.CashierId == cashierId);
        }
        if (unitId is not null)
        {
            query = query.Where(p => p.UnitId == unitId);
        }
        if (parsedMethod is { } m)
        {
            query = query.Where(p => p.Method == m);
        }
        var total = await query.CountAsync(cancellationToken);
        var payments = await query.OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Id).Include(p => p.Allocations)
            .Skip((page.PageNumber - 1) * page.Size).Take(page.Size).ToListAsync(cancellationToken);
        var ids = payments.Select(p => p.Id).ToList();
        var receipts = await db.Receipts.AsNoTracking().Where(r => ids.Contains(r.PaymentId)).ToDictionaryAsync(r => r.PaymentId, cancellationToken);
        return TypedResults.Ok(new Page<PaymentView>(payments.Select(p => PaymentView.From(p, receipts[p.Id])).ToList(), page.PageNumber, page.Size, total));
    }

    /// <summary>A property's receipts, newest number first, filtered by day (property time), cashier, unit, method and whether void.</summary>
    public static async Task<Results<Ok<Page<ReceiptView>>, ValidationProblem>> ListReceipts(
        Guid? propertyId, DateOnly? day, Guid? cashierId, Guid? unitId, string? method, bool? voided, [AsParameters] PageRequest page, Caller caller,
        BillingDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken)
    {
        if (propertyId is null)
        {
            return ProblemResults.Invalid("propertyId", "Say which property's receipts to list.");
        }
        if (!QueryEnum.TryParse<PaymentMethod>(method, out var parsedMethod))
        {
            return ProblemResults.Invalid("method", $"Method is one of: {QueryEnum.AllowedValues<PaymentMethod>()}.");
        }
        var query = db.Receipts.AsNoTracking().InPropertiesOf(caller, r => r.PropertyId).Where(r => r.PropertyId == propertyId);
        if (day is { } d)
        {
            var (start, end) = calendar.DayBounds(d);
            query = query.Where(r => r.PaidAt >= start && r.PaidAt < end);
        }
        if (cashierId is not null)
        {
            query = query.Where(r => r.CashierId == cashierId);
        }
        if (unitId is not null)
        {
            query = query.Where(r => r.UnitId == unitId);
        }
        if (parsedMethod is { } m)
        {
            query = query.Where(r => r.Method == m);
        }
        if (voided is { } v)
        {
            query = query.Where(r => r.Voided == v);
        }
        var ordered = query.Include(r => r.Lines).OrderByDescending(r => r.PaidAt).ThenByDescending(r => r.Sequence).ThenBy(r => r.Id);
        return TypedResults.Ok(await ordered.ToPageAsync(page, ReceiptView.From, cancellationToken));
    }

    /// <summary>
    /// The payment notice (付款通知书) of a unit: its open lines (of one payer with <c>payerId</c>) and late fees due, the
    /// total in figures and capitals, as a printable page (zh-CN). An occupant prints their own units' notices.
    /// </summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrintPaymentNotice(
        Guid unitId, Guid? payerId, Caller caller, BillingDbContext db, PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.NotFound("unit", unitId);
        }
        var today = calendar.DayOf(time.GetUtcNow());
        var lines = await db.BillLines.AsNoTracking()
            .Where(l => l.UnitId == unitId && l.Status == BillLineStatus.Open && (payerId == null || l.PayerId == payerId))
            .ToListAsync(cancellationToken);
        var lateFees = (await LateFees.OwedAsync(db, unit.PropertyId, unit.Id, today, cancellationToken))
            .Where(f => payerId == null || f.PayerId == payerId).Sum(f => f.Due);
        return TypedResults.Content(PaymentNoticePage.Html(unit.BuildingName, unit.Number, BillLine.OldestFirst(lines).ToList(), lateFees, today),
            "text/html; charset=utf-8");
    }
}

/// <summary>The printable payment notice (付款通知书), in Chinese, laid out as the receipt.</summary>
internal static class PaymentNoticePage
{
    public static string Html(string buildingName, string unitNumber, IReadOnlyList<BillLine> lines, decimal lateFeeDue, DateOnly today)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

        var rows = new StringBuilder();
        foreach (var line in lines)
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(line.Period)}</td><td>{E(line.Description)}</td><td>{line.DueDate:yyyy-MM-dd}</td><td class=\"n\">{Yuan(line.AmountOpen)}</td></tr>");
        }
        if (lateFeeDue > 0)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td></td><td>滞纳金（截至 {today:yyyy-MM-dd}，下期账单计收）</td><td></td><td class=\"n\">{Yuan(lateFeeDue)}</td></tr>");
        }
        var total = lines.Sum(l => l.AmountOpen) + lateFeeDue;
        var words = total > 0 ? ChineseAmount.ToCapitals(total) : "零元整";
        var empty = lines.Count == 0 && lateFeeDue == 0 ? "<p>本单元暂无待缴费用。</p>" : "";
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>付款通知书 {{E(buildingName)}} {{E(unitNumber)}}</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em}h1{text-align:center;letter-spacing:.3em}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:.3em .5em}.n{text-align:right}
            @media print{button{display:none} }
            </style></head>
            <body>
            <h1>付款通知书</h1>
            <p>房号：{{E(buildingName)}} {{E(unitNumber)}}　　通知日期：{{today:yyyy年M月d日}}</p>
            {{empty}}
            <table>
            <thead><tr><th>所属期间</th><th>收费项目</th><th>应缴日期</th><th>应缴金额（元）</th></tr></thead>
            <tbody>{{rows}}</tbody>
            <tfoot><tr><td colspan="3">合计人民币（大写）：{{E(words)}}</td><td class="n">¥{{Yuan(total)}}</td></tr></tfoot>
            </table>
            <p>请于应缴日期前到物业服务中心收费处缴纳，或通过银行转账、线上支付缴纳。逾期未缴将按收费标准计收滞纳金。</p>
            <button onclick="window.print()">打印</button>
            </body>
            </html>
            """;
    }
}
