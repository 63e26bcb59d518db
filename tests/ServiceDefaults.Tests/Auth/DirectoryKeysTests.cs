using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.ServiceDefaults.Tests.Auth;

/// <summary>The real thing end to end: a token from a running Directory is checked by another service with keys fetched over HTTP.</summary>
public sealed class DirectoryKeysTests(TestInfrastructure infrastructure)
{
    private const string AdminPassword = "Admin@2026!";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_token_from_directory_is_accepted_by_a_service_that_fetches_directorys_keys_over_http()
    {
        await using var directory = new DirectoryServer(
            await infrastructure.CreateDatabaseAsync("directory"), await infrastructure.CreateRabbitMqVirtualHostAsync("directory"));
        await using var api = await ProtectedApi.StartAsync(directory.Address);
        using var client = new HttpClient { BaseAddress = new Uri(directory.Address) };
        using var signIn = await client.PostAsJsonAsync("/auth/token", new { userName = "admin", password = AdminPassword }, Cancellation);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK);
        var accessToken = (await signIn.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("accessToken").GetString();

        (await api.GetAsync("/admin", accessToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await PlatformAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/desk", accessToken), HttpStatusCode.Forbidden);
        await PlatformAuthenticationTests.ShouldBeProblemAsync(await api.GetAsync("/admin", accessToken + "x"), HttpStatusCode.Unauthorized);
    }

    /// <summary>Directory on Kestrel at a free loopback port, so its JWKS is fetched over a real connection.</summary>
    private sealed class DirectoryServer : WebApplicationFactory<Program>
    {
        private readonly string _database;
        private readonly string _broker;

        public DirectoryServer(string database, string broker)
        {
            _database = database;
            _broker = broker;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            Address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        }

        public string Address { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:directorydb", _database);
            builder.UseSetting("ConnectionStrings:rabbitmq", _broker);
            builder.UseSetting("Directory:Bootstrap:AdminPassword", AdminPassword);
            builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        }
    }
}
