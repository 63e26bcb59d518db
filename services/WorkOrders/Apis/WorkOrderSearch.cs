using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PropertyPlatform.ServiceDefaults.Apis;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.WorkOrders.Infrastructure;

namespace PropertyPlatform.WorkOrders.Apis;

/// <summary>Finding orders: the paged list with its filters, and the same list as a CSV file.</summary>
public static class WorkOrderSearch
{
    public static IEndpointRouteBuilder MapWorkOrderSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/work-orders").WithTags("Work orders");
        api.MapGet("/", ListWorkOrders).WithName("ListWorkOrders")
            .RequireRoles(Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin);
        api.MapGet("/export.csv", ExportWorkOrders).WithName("ExportWorkOrders").Produces<byte[]>(contentType: "text/csv")
            .RequireRoles(Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin);
        return app;
    }

    public static async Task<Results<Ok<Page<WorkOrderSummary>>, ValidationProblem>> ListWorkOrders(
        [AsParameters] WorkOrderQuery query, [AsParameters] PageRequest page, Caller caller, WorkOrdersDbContext db,
        PropertyCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var (found, errors) = WorkOrderFilter.Apply(query, caller, db, calendar, time.GetUtcNow());
        if (found is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await found.Rows.ToPageAsync(found.Orders, page, r => WorkOrderSummary.From(r.Order, r.Unit), cancellationToken));
    }

    /// <summary>The filtered list as <c>work-orders-&lt;local date&gt;.csv</c>: the newest <see cref="WorkOrderCsv.MaxRows"/> orders.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportWorkOrders(
        [AsParameters] WorkOrderQuery query, Caller caller, WorkOrdersDbContext db, PropertyCalendar calendar, TimeProvider time,
        HttpContext http, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (found, errors) = WorkOrderFilter.Apply(query, caller, db, calendar, now);
        if (found is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var total = await found.Orders.CountAsync(cancellationToken);
        var exported = await found.Rows.Take(WorkOrderCsv.MaxRows).ToListAsync(cancellationToken);
        // Tells a client that the file is cut short (more matched than it holds): narrow the filters.
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-Export-Limit"] = WorkOrderCsv.MaxRows.ToString(CultureInfo.InvariantCulture);
        var english = WorkOrderCsv.PrefersEnglish(http.Request.GetTypedHeaders().AcceptLanguage);
        return TypedResults.File(
            WorkOrderCsv.Write(exported, english, calendar), "text/csv; charset=utf-8", $"work-orders-{calendar.DayOf(now):yyyy-MM-dd}.csv");
    }
}
