using System.Net;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.TestHost;
using PropertyPlatform.ServiceDefaults.Problems;

namespace PropertyPlatform.ServiceDefaults.Tests.Problems;

/// <summary>Every error a client can meet is an RFC 9457 problem; server faults reveal nothing internal.</summary>
public sealed class ProblemResponsesTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        builder.Services.AddValidatorsFrom(typeof(ProblemResponsesTests).Assembly);
        _app = builder.Build();
        _app.UseServiceDefaults();
        _app.MapPost("/keys", (KeySignOut request) => TypedResults.Ok(request)).Validate<KeySignOut>();
        _app.MapPost("/keys/{id:int}/return", (int id) => id == 1 ? throw new DomainRuleException("The key was already returned.") : TypedResults.Ok());
        _app.MapGet("/boom", string () => throw new InvalidOperationException("connection string Password=secret"));
        _app.MapDefaultEndpoints();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Malformed_json_is_a_400_problem_naming_where_it_broke()
    {
        var problem = await PostAsync("/keys", "{\"unitNumber\": \"1201\", \"hours\": \"many\"}", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString()!.ShouldContain("$.hours");
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_invalid_request_is_a_400_problem_with_field_errors_in_camel_case()
    {
        var problem = await PostAsync("/keys", "{\"unitNumber\": \"\", \"hours\": 30}", HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        errors.GetProperty("unitNumber").GetArrayLength().ShouldBe(1);
        errors.GetProperty("hours").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_domain_rule_is_a_409_problem_with_the_reason()
    {
        var problem = await PostAsync("/keys/1/return", "", HttpStatusCode.Conflict);

        problem.GetProperty("detail").GetString().ShouldBe("The key was already returned.");
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_that_reveals_nothing_internal()
    {
        var response = await _client.GetAsync("/boom", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldNotContain("secret");
        body.ShouldNotContain("InvalidOperationException");
        body.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var response = await _client.GetAsync("/nowhere", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Health_and_liveness_answer_with_each_check_by_name()
    {
        var alive = await _client.GetAsync("/alive", TestContext.Current.CancellationToken);
        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = JsonDocument.Parse(await alive.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        report.GetProperty("entries").GetProperty("self").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    private async Task<JsonElement> PostAsync(string path, string json, HttpStatusCode expected)
    {
        var response = await _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        return problem;
    }
}

public sealed record KeySignOut(string UnitNumber, int Hours);

public sealed class KeySignOutValidator : AbstractValidator<KeySignOut>
{
    public KeySignOutValidator()
    {
        RuleFor(k => k.UnitNumber).NotEmpty();
        RuleFor(k => k.Hours).InclusiveBetween(1, 24);
    }
}
