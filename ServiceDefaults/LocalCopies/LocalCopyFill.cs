using System.Collections.Concurrent;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PropertyPlatform.ServiceDefaults.Auth;

namespace PropertyPlatform.ServiceDefaults.LocalCopies;

/// <summary>Bound from <c>LocalCopies</c> (e.g. <c>LocalCopies__MaxRetryDelay=00:00:30</c>).</summary>
public sealed class LocalCopyOptions
{
    public const string SectionName = "LocalCopies";

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public int PageSize { get; set; } = 500;
}

public static class LocalCopyRegistration
{
    /// <summary>
    /// Fills <typeparamref name="TCopy"/> from Directory's feed at start when it is empty or behind
    /// (<see cref="LocalCopyFill{TRecord}"/>); the service's consumers keep it current afterwards.
    /// </summary>
    public static IServiceCollection AddLocalCopyFill<TCopy, TRecord>(this IServiceCollection services)
        where TCopy : class, ILocalCopy<TRecord>
    {
        services.AddScoped<ILocalCopy<TRecord>, TCopy>();
        services.AddHostedService<LocalCopyFill<TRecord>>();
        if (services.Any(d => d.ServiceType == typeof(LocalCopyHealth)))
        {
            return services;
        }

        services.AddOptions<LocalCopyOptions>().BindConfiguration(LocalCopyOptions.SectionName);
        services.AddSingleton<LocalCopyHealth>();
        services.AddHealthChecks().AddCheck<LocalCopyHealth>("local-copies");
        services.AddHttpClient<DirectoryFeedClient>(client => client.BaseAddress = DirectoryFeedClient.Address);
        return services;
    }
}

/// <summary>
/// Fills a local copy from Directory at start, in the background: once the service's queues are bound (so every
/// change from then on arrives as an event), it reads the records changed since the copy's newest version; when the
/// copy still holds fewer records than Directory (events lost before its queue existed), or is empty, or predates
/// versions, it reads the whole feed. Every record is applied only when newer than the copy's, so the read and
/// events may interleave in any order. Until Directory answers it retries with growing pauses; <c>/health</c> says
/// Degraded meanwhile but the service serves.
/// </summary>
public sealed partial class LocalCopyFill<TRecord>(
    IServiceScopeFactory scopes,
    IServiceProvider services,
    IConfiguration configuration,
    LocalCopyHealth health,
    IOptions<LocalCopyOptions> options,
    ILogger<LocalCopyFill<TRecord>> logger) : BackgroundService
{
    private const int ApplyAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string feed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            feed = scope.ServiceProvider.GetRequiredService<ILocalCopy<TRecord>>().Feed;
        }
        if (!DirectoryFeedClient.IsConfigured(configuration))
        {
            health.Report(feed, HealthStatus.Healthy, $"not filled from Directory ({ServiceTokens.SecretKey} not set): events only");
            LogNotConfigured(logger, feed, ServiceTokens.SecretKey);
            return;
        }

        health.Report(feed, HealthStatus.Degraded, "waiting for the message bus");
        if (services.GetService<IBusControl>() is { } bus)
        {
            await bus.WaitForHealthStatus(BusHealthStatus.Healthy, stoppingToken);
        }

        var delay = options.Value.FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                health.Report(feed, HealthStatus.Degraded, $"filling from Directory (attempt {attempt})");
                var (read, held, total) = await FillAsync(feed, stoppingToken);
                health.Report(feed, HealthStatus.Healthy, $"{held} of Directory's {total} records");
                LogFilled(logger, feed, read, held, total);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                health.Report(feed, HealthStatus.Degraded, $"Directory not reached yet (attempt {attempt}): {ex.Message}");
                LogRetrying(logger, ex, feed, attempt, delay);
                // Real time, not the service's TimeProvider: this paces calls to a server, it is no business time.
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task<(int Read, int Held, int Total)> FillAsync(string feed, CancellationToken cancellationToken)
    {
        var state = await ReadStateAsync(cancellationToken);
        var read = 0;
        if (state is { Count: > 0, HasUnversioned: false, Latest: { } latest })
        {
            // From the newest version held, inclusive: records changed in the same instant may not all be here yet.
            var (changed, total) = await ReadFeedAsync(feed, latest, cancellationToken);
            read += changed;
            state = await ReadStateAsync(cancellationToken);
            if (state.Count >= total)
            {
                return (read, state.Count, total);
            }
            LogMissing(logger, feed, total - state.Count);
        }

        var (all, allTotal) = await ReadFeedAsync(feed, null, cancellationToken);
        read += all;
        state = await ReadStateAsync(cancellationToken);
        return (read, state.Count, allTotal);
    }

    private async Task<(int Read, int Total)> ReadFeedAsync(string feed, DateTimeOffset? changedSince, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<DirectoryFeedClient>();
        string? after = null;
        var read = 0;
        while (true)
        {
            var page = await client.ReadAsync<TRecord>(feed, changedSince, after, options.Value.PageSize, cancellationToken);
            await ApplyAsync(page.Items, cancellationToken);
            read += page.Items.Count;
            if (page.Next is null)
            {
                return (read, page.Total);
            }
            after = page.Next;
        }
    }

    /// <summary>A consumer may write one of the records meanwhile: the page is applied again on fresh rows, versions compared again.</summary>
    private async Task ApplyAsync(IReadOnlyList<TRecord> records, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ILocalCopy<TRecord>>().ApplyAsync(records, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < ApplyAttempts)
            {
            }
        }
    }

    private async Task<LocalCopyState> ReadStateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILocalCopy<TRecord>>().ReadStateAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local copy of {Feed} is not filled from Directory at start because {SecretKey} is not set: only events feed it, and those published before this service's queue existed are missing")]
    private static partial void LogNotConfigured(ILogger logger, string feed, string secretKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "The local copy of {Feed} is up to date with Directory: {Read} records read, {Held} held of Directory's {Total}")]
    private static partial void LogFilled(ILogger logger, string feed, int read, int held, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "The local copy of {Feed} lacks {Missing} of Directory's records: reading the whole feed")]
    private static partial void LogMissing(ILogger logger, string feed, int missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local copy of {Feed} could not be filled from Directory (attempt {Attempt}); trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string feed, int attempt, TimeSpan delay);
}

/// <summary>
/// <c>/health</c> entry <c>local-copies</c>: Degraded while a copy waits for Directory or is being filled (the service
/// still answers: Degraded is not down), Healthy once each copy has caught up.
/// </summary>
public sealed class LocalCopyHealth : IHealthCheck
{
    private readonly ConcurrentDictionary<string, (HealthStatus Status, string Description)> _copies = new();

    public void Report(string feed, HealthStatus status, string description) => _copies[feed] = (status, description);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var copies = _copies.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var description = string.Join("; ", copies.Select(c => $"{c.Key}: {c.Value.Description}"));
        var status = copies.Any(c => c.Value.Status != HealthStatus.Healthy) ? HealthStatus.Degraded : HealthStatus.Healthy;
        return Task.FromResult(new HealthCheckResult(status, description));
    }
}
