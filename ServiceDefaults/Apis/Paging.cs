using Microsoft.EntityFrameworkCore;

namespace PropertyPlatform.ServiceDefaults.Apis;

/// <summary>Query-string paging for every list: <c>?page=1&amp;pageSize=50</c>, page size capped.</summary>
public sealed record PageRequest(int? Page, int? PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>Capped so the row offset always fits an int: a huge page number is simply an empty page.</summary>
    public int PageNumber => Math.Clamp(Page ?? 1, 1, int.MaxValue / MaxPageSize);

    public int Size => Math.Clamp(PageSize ?? 50, 1, MaxPageSize);
}

/// <summary>One page of a list, with the total so clients can show "page 2 of 7".</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class PagingExtensions
{
    /// <summary>Reads one page; <paramref name="ordered"/> must end with a unique key so pages never overlap.</summary>
    /// <remarks><paramref name="toView"/> runs in memory on the page's rows only, so views may use any C#.</remarks>
    public static async Task<Page<TView>> ToPageAsync<TRow, TView>(
        this IQueryable<TRow> ordered, PageRequest request, Func<TRow, TView> toView, CancellationToken cancellationToken)
    {
        return await ordered.ToPageAsync(ordered, request, toView, cancellationToken);
    }

    /// <summary>
    /// The same, with the total counted from <paramref name="counted"/>: a query that matches exactly as many rows
    /// but is cheaper to count, e.g. without a join every row is sure to find (a required foreign key).
    /// </summary>
    public static async Task<Page<TView>> ToPageAsync<TRow, TCounted, TView>(
        this IQueryable<TRow> ordered, IQueryable<TCounted> counted, PageRequest request, Func<TRow, TView> toView, CancellationToken cancellationToken)
    {
        var total = await counted.CountAsync(cancellationToken);
        var rows = await ordered.Skip((request.PageNumber - 1) * request.Size).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<TView>(rows.Select(toView).ToList(), request.PageNumber, request.Size, total);
    }
}
