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

public static class ReceiptsApi
{
    public static IEndpointRouteBuilder MapReceiptsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/receipts").WithTags("Receipts");

        // Who may call what (README "Who may call what"): occupants read the receipts of their own units.
        api.MapGet("/{id:guid}", GetReceipt).WithName("GetReceipt")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapGet("/{id:guid}/print", PrintReceipt).WithName("PrintReceipt")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        app.MapGet("/units/{unitId:guid}/receipts", ListUnitReceipts).WithName("ListUnitReceipts").WithTags("Receipts")
            .RequireRoles(Roles.Occupant, Roles.Finance, Roles.Manager, Roles.Admin);
        api.MapPost("/{id:guid}/void", VoidReceipt).WithName("VoidReceipt").Validate<ReasonRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireRoles(Roles.Finance, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> GetReceipt(
        Guid id, Caller caller, BillingDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(db, caller, id, cancellationToken) is { } receipt
            ? TypedResults.Ok(ReceiptView.From(receipt))
            : ProblemResults.NotFound("receipt", id);

    /// <summary>
    /// A unit's receipts, newest first, void ones included (marked so): what an occupant was handed at the desk, to see
    /// and print again. A unit outside the caller's scope answers 404, as its bills do.
    /// </summary>
    public static async Task<Results<Ok<Page<ReceiptView>>, ProblemHttpResult>> ListUnitReceipts(
        Guid unitId, [AsParameters] PageRequest page, Caller caller, BillingDbContext db, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || !caller.CanSee(unit.PropertyId, unit.Id))
        {
            return ProblemResults.NotFound("unit", unitId);
        }
        var receipts = db.Receipts.AsNoTracking().Where(r => r.UnitId == unitId).Include(r => r.Lines)
            .OrderByDescending(r => r.PaidAt).ThenByDescending(r => r.Sequence).ThenBy(r => r.Id);
        return TypedResults.Ok(await receipts.ToPageAsync(page, ReceiptView.From, cancellationToken));
    }

    /// <summary>The receipt as a printable page (zh-CN); a void one is stamped 作废 with its reason.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> PrintReceipt(
        Guid id, Caller caller, BillingDbContext db, PropertyCalendar calendar, CancellationToken cancellationToken) =>
        await FindAsync(db, caller, id, cancellationToken) is { } receipt
            ? TypedResults.Content(ReceiptPage.Html(receipt, calendar), "text/html; charset=utf-8")
            : ProblemResults.NotFound("receipt", id);

    /// <summary>
    /// Voids a receipt (作废) with a reason: its number stays, marked void, and its payment is reversed so the unit's
    /// lines open again. A void receipt cannot be voided again (409).
    /// </summary>
    public static async Task<Results<Ok<ReceiptView>, ProblemHttpResult>> VoidReceipt(
        Guid id, ReasonRequest request, Caller caller, BillingDbContext db, UnitAccounts accounts, CashDays cashDays, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var found = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (found is null || !caller.CanSeeProperty(found.PropertyId))
        {
            return ProblemResults.NotFound("receipt", id);
        }
        if (found.Voided)
        {
            return ProblemResults.Conflict($"Receipt {found.Number} is void already.");
        }
        var payment = await db.Payments.AsNoTracking().SingleAsync(p => p.Id == found.PaymentId, cancellationToken);
        var undone = await PaymentsApi.UndoAsync(db, accounts, cashDays, payment, request.Reason!, caller.AsActor(), time.GetUtcNow(), cancellationToken);
        if (undone.Problem is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(ReceiptView.From(undone.Receipt!));
    }

    private static async Task<Receipt?> FindAsync(BillingDbContext db, Caller caller, Guid id, CancellationToken cancellationToken)
    {
        var receipt = await db.Receipts.AsNoTracking().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return receipt is not null && caller.CanSee(receipt.PropertyId, receipt.UnitId) ? receipt : null;
    }
}

public sealed record ReceiptView(
    Guid Id,
    string Number,
    Guid PropertyId,
    Guid PaymentId,
    Guid UnitId,
    string BuildingName,
    string UnitNumber,
    DateTimeOffset PaidAt,
    PaymentMethod Method,
    decimal Amount,
    string AmountInWords,
    decimal Credit,
    string Currency,
    string PayerName,
    Actor Cashier,
    IReadOnlyList<ReceiptLineView> Lines,
    bool Voided,
    string? VoidReason,
    DateTimeOffset? VoidedAt,
    Actor? VoidedBy)
{
    public static ReceiptView From(Receipt r) => new(
        r.Id, r.Number, r.PropertyId, r.PaymentId, r.UnitId, r.BuildingName, r.UnitNumber, r.PaidAt, r.Method, r.Amount, r.AmountInWords,
        r.Credit, "CNY", r.PayerName, new Actor(r.CashierId, r.CashierName),
        r.Lines.OrderBy(l => l.Period, StringComparer.Ordinal).ThenBy(l => l.Item).Select(l => new ReceiptLineView(l.Item, l.Period, l.Description, l.Amount)).ToList(),
        r.Voided, r.VoidReason, r.VoidedAt, r.VoidedById is { } by ? new Actor(by, r.VoidedByName ?? "") : null);
}

public sealed record ReceiptLineView(FeeItem Item, string Period, string Description, decimal Amount);

/// <summary>The printable receipt (收据), in Chinese, as the cash desk hands it over.</summary>
internal static class ReceiptPage
{
    private static readonly Dictionary<FeeItem, string> ItemNames = new()
    {
        [FeeItem.PropertyService] = "物业服务费",
        [FeeItem.Parking] = "车位费",
        [FeeItem.Water] = "水费",
        [FeeItem.Electricity] = "电费",
        [FeeItem.PaidService] = "特约服务费",
        [FeeItem.LateFee] = "滞纳金",
    };

    private static readonly Dictionary<PaymentMethod, string> MethodNames = new()
    {
        [PaymentMethod.Cash] = "现金",
        [PaymentMethod.BankTransfer] = "银行转账",
        [PaymentMethod.Card] = "刷卡",
        [PaymentMethod.Online] = "线上支付",
    };

    public static string Html(Receipt r, PropertyCalendar calendar)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

        var rows = new StringBuilder();
        foreach (var line in r.Lines.OrderBy(l => l.Period, StringComparer.Ordinal).ThenBy(l => l.Item))
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(ItemNames[line.Item])}</td><td>{E(line.Period)}</td><td>{E(line.Description)}</td><td class=\"n\">{Yuan(line.Amount)}</td></tr>");
        }
        if (r.Credit > 0)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>预收款</td><td></td><td>留作以后账单</td><td class=\"n\">{Yuan(r.Credit)}</td></tr>");
        }
        var voided = r.Voided ? $"<p class=\"void\">作废　原因：{E(r.VoidReason ?? "")}</p>" : "";
        var paidAt = calendar.LocalTime(r.PaidAt).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
        return $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><title>收据 {{E(r.Number)}}</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em}h1{text-align:center;letter-spacing:.5em}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:.3em .5em}.n{text-align:right}
            .void{color:#c00;font-size:2em;font-weight:bold;border:3px solid #c00;display:inline-block;padding:.1em .5em}
            @media print{button{display:none} }
            </style></head>
            <body>
            <h1>收据</h1>
            {{voided}}
            <p>编号：{{E(r.Number)}}　　收款日期：{{E(paidAt)}}</p>
            <p>房号：{{E(r.BuildingName)}} {{E(r.UnitNumber)}}　　交款人：{{E(r.PayerName)}}　　付款方式：{{E(MethodNames[r.Method])}}</p>
            <table>
            <thead><tr><th>收费项目</th><th>所属期间</th><th>摘要</th><th>金额（元）</th></tr></thead>
            <tbody>{{rows}}</tbody>
            <tfoot><tr><td colspan="3">合计人民币（大写）：{{E(r.AmountInWords)}}</td><td class="n">¥{{Yuan(r.Amount)}}</td></tr></tfoot>
            </table>
            <p>收款人：{{E(r.CashierName)}}</p>
            <button onclick="window.print()">打印</button>
            </body>
            </html>
            """;
    }
}
