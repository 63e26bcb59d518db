using System.Net.Http.Headers;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using PropertyPlatform.Directory.SignIn;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Directory.Tests.SignIn;

/// <summary>
/// Directory with a bootstrap administrator and a clock the test moves, on a fresh database and virtual host.
/// </summary>
public sealed class SignInApp : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin@2026!";

    private readonly Dictionary<string, string?> _settings;

    private SignInApp(Dictionary<string, string?> settings) => _settings = settings;

    public AdjustableTimeProvider Time { get; } = new();

    public string DatabaseConnectionString => _settings["ConnectionStrings:directorydb"]!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<SignInApp> StartAsync(TestInfrastructure infrastructure, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        if (!settings.ContainsKey("ConnectionStrings:directorydb"))
        {
            settings["ConnectionStrings:directorydb"] = await infrastructure.CreateDatabaseAsync("signin");
        }
        settings["ConnectionStrings:rabbitmq"] = await infrastructure.CreateRabbitMqVirtualHostAsync("signin");
        settings.TryAdd("Directory:Bootstrap:AdminPassword", AdminPassword);
        var app = new SignInApp(settings);
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("OTEL_SERVICE_NAME", "directory");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        });
    }

    public Task<HttpResponseMessage> SignInAsync(string userName = "admin", string password = AdminPassword) =>
        CreateClient().PostAsJsonAsync("/auth/token", new { userName, password }, Cancellation);

    /// <summary>Signs in and returns the token response; fails the test if sign-in fails.</summary>
    public async Task<JsonElement> TokensAsync(string userName = "admin", string password = AdminPassword)
    {
        using var response = await SignInAsync(userName, password);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancellation));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        CreateClient().PostAsJsonAsync("/auth/refresh", new { refreshToken }, Cancellation);

    public Task<HttpResponseMessage> GetMeAsync(string? accessToken)
    {
        var client = CreateClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return client.GetAsync("/me", Cancellation);
    }

    public async Task RegisterAccountAsync(NewAccount account)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountRegistration>().RegisterAsync(account, Cancellation);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Cancellation))!;
    }

    public async Task<byte[]> ProtectedPrivateKeyAsync(string keyId)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand("SELECT protected_private_key FROM signing_keys WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", keyId);
        return (byte[])(await command.ExecuteScalarAsync(Cancellation))!;
    }
}
