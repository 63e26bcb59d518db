using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PropertyPlatform.ServiceDefaults.Http;

/// <summary>
/// Every HttpClient made through the factory gets the same resilience: a timeout per attempt, retries of
/// transient failures for idempotent requests only (a retried POST could act twice), and an overall timeout.
/// Microsoft.Extensions.Http.Resilience is not available here, so this is a small Polly.Core handler.
/// </summary>
internal static class HttpClientDefaults
{
    public static IServiceCollection AddHttpClientDefaults(this IServiceCollection services)
    {
        var pipeline = CreatePipeline();
        services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new ResilienceHandler(pipeline)));
        return services;
    }

    private static ResiliencePipeline<HttpResponseMessage> CreatePipeline() =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(TimeSpan.FromSeconds(30))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context)),
            })
            .AddTimeout(TimeSpan.FromSeconds(10))
            .Build();

    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!context.Properties.TryGetValue(ResilienceHandler.IdempotentKey, out var idempotent) || !idempotent)
        {
            return false;
        }
        return outcome switch
        {
            { Exception: HttpRequestException or TimeoutRejectedException } => true,
            { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                || (int)response.StatusCode >= 500,
            _ => false,
        };
    }
}

internal sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    public static readonly ResiliencePropertyKey<bool> IdempotentKey = new("http.idempotent");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(IdempotentKey, IsIdempotent(request.Method));
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Handler.SendCore(state.Request, ctx.CancellationToken),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendCore(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;
}
