extern alias gateway;

using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// The live inbox over real SignalR WebSockets through the real gateway (token check on), with the service on a real
/// port, RabbitMQ and PostgreSQL: a work-order event's entries reach their recipients' open connections, and no one else's.
/// </summary>
public sealed class LiveInboxTests(TestInfrastructure infrastructure)
{
    private const string Number = "WO-20261206-0007";

    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    private readonly Guid _neighbourId = Guid.NewGuid();

    private readonly Guid _engineerId = Guid.NewGuid();

    [Fact]
    public async Task A_dispatch_reaches_the_occupants_and_the_engineers_open_connections_through_the_gateway_and_not_a_neighbours()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure, onKestrel: true);
        await using var gateway = new Gateway(app);

        // As a browser connects: straight to WebSockets, the token in the query.
        await using var occupant = await Listener.ConnectAsync(
            gateway.HubUrl($"access_token={OccupantToken(app, _occupantId)}"), skipNegotiation: true);
        await using var neighbour = await Listener.ConnectAsync(
            gateway.HubUrl($"access_token={OccupantToken(app, _neighbourId)}"), skipNegotiation: true);
        // As the .NET client connects by default: negotiate first, the token in the header, English asked for.
        var engineerToken = app.Identity.TokenFor(new AccessTokenContent(_engineerId, "张伟", [Roles.Engineer], false, [_propertyId], []));
        await using var engineer = await Listener.ConnectAsync(gateway.HubUrl("lang=en"), accessToken: engineerToken);

        var dispatched = Dispatched(requesterId: _occupantId);
        await app.PublishAsync(dispatched);

        var forOccupant = await occupant.NextAsync();
        forOccupant.GetProperty("title").GetString().ShouldBe($"您的报修 {Number} 已派给 张伟");
        forOccupant.GetProperty("language").GetString().ShouldBe("zh-CN");
        forOccupant.GetProperty("recipient").GetProperty("personId").GetGuid().ShouldBe(_occupantId);
        forOccupant.GetProperty("sourceEventId").GetGuid().ShouldBe(dispatched.EventId);
        forOccupant.GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
        // What arrived live is what the inbox holds.
        var stored = await app.ClientAsOccupant(_occupantId, _propertyId, _unitId).GetFromJsonAsync<JsonElement>("/inbox", Cancel);
        stored.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(forOccupant.GetProperty("id").GetGuid());

        var forEngineer = await engineer.NextAsync();
        forEngineer.GetProperty("title").GetString().ShouldBe($"New order dispatched to you: {Number}, unit 1201");
        forEngineer.GetProperty("recipient").GetProperty("personId").GetGuid().ShouldBe(_engineerId);

        // The neighbour's own order comes next; had they heard the first event, it would have come first on their connection.
        var theirs = Dispatched(requesterId: _neighbourId);
        await app.PublishAsync(theirs);
        (await neighbour.NextAsync()).GetProperty("sourceEventId").GetGuid().ShouldBe(theirs.EventId);
    }

    [Fact]
    public async Task The_same_event_delivered_again_is_not_pushed_again()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure, onKestrel: true);
        await using var gateway = new Gateway(app);
        await using var occupant = await Listener.ConnectAsync(gateway.HubUrl($"access_token={OccupantToken(app, _occupantId)}"), skipNegotiation: true);
        var first = Dispatched(requesterId: _occupantId);
        var second = Dispatched(requesterId: _occupantId);

        await app.PublishAsync(first);
        await Inbox.HandledAsync(app, first.EventId, times: 1);
        await app.PublishAsync(first, Guid.NewGuid()); // a replay under a new message id
        await Inbox.HandledAsync(app, first.EventId, times: 1);
        await app.PublishAsync(second);

        (await occupant.NextAsync()).GetProperty("sourceEventId").GetGuid().ShouldBe(first.EventId);
        // The replay was handled before the second event was published, so a second push of it would come before this.
        (await occupant.NextAsync()).GetProperty("sourceEventId").GetGuid().ShouldBe(second.EventId);
    }

    [Fact]
    public async Task Without_a_valid_token_or_with_a_role_that_has_no_inbox_the_hub_refuses_the_connection()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure, onKestrel: true);
        await using var gateway = new Gateway(app);

        // At the gateway: no token, a forged one.
        await (await gateway.Client.PostAsync("/api/notifications/hub/negotiate?negotiateVersion=1", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var forged = TestIdentity.TokenWithUnpublishedKey([Roles.Occupant]);
        await (await gateway.Client.PostAsync($"/api/notifications/hub/negotiate?negotiateVersion=1&access_token={forged}", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        // At the service: security staff have no inbox, so no live inbox either.
        var security = app.Identity.TokenFor([Roles.Security], [_propertyId]);
        await (await gateway.Client.PostAsync($"/api/notifications/hub/negotiate?negotiateVersion=1&access_token={security}", null, Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        // The query token is for the hub only.
        await (await gateway.Client.GetAsync($"/api/notifications/inbox?access_token={OccupantToken(app, _occupantId)}", Cancel))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private string OccupantToken(NotificationsApp app, Guid personId) =>
        app.Identity.TokenFor(new AccessTokenContent(personId, "李娜", [Roles.Occupant], false, [_propertyId], [_unitId]));

    private WorkOrderDispatched Dispatched(Guid requesterId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Number, _unitId, "1201", requesterId, Guid.NewGuid(), "王芳", _engineerId, "张伟");

    /// <summary>The real gateway on a free loopback port in front of the service, checking tokens with the service's test identity.</summary>
    private sealed class Gateway : WebApplicationFactory<gateway::Program>
    {
        private readonly NotificationsApp _app;

        public Gateway(NotificationsApp app)
        {
            _app = app;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            Address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            Client = new HttpClient { BaseAddress = new Uri(Address) };
        }

        public string Address { get; }

        public HttpClient Client { get; }

        public string HubUrl(string query) => $"{Address}/api/notifications/hub?{query}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Gateway:RequireAuthentication", "true");
            builder.UseSetting("services:notifications:http:0", _app.Address);
            builder.UseSetting("services:directory:http:0", _app.Identity.Address);
        }

        public override async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await base.DisposeAsync();
        }
    }

    /// <summary>A SignalR client that keeps what the hub sends, in order.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<JsonElement> _entries = Channel.CreateUnbounded<JsonElement>();
        private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Listener(HubConnection connection)
        {
            _connection = connection;
            _connection.On<JsonElement>("inboxEntry", entry => _entries.Writer.TryWrite(entry));
            _connection.On("listening", () => _listening.TrySetResult());
        }

        public static async Task<Listener> ConnectAsync(string url, bool skipNegotiation = false, string? accessToken = null)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(url, options =>
                {
                    options.Transports = HttpTransportType.WebSockets;
                    options.SkipNegotiation = skipNegotiation;
                    if (accessToken is not null)
                    {
                        options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                    }
                })
                .Build();
            var listener = new Listener(connection);
            await connection.StartAsync(Cancel);
            // Joined its groups: from here on it hears every new entry for it.
            await listener._listening.Task.WaitAsync(NotificationsApp.Patience, Cancel);
            return listener;
        }

        /// <summary>The next entry pushed, waiting at most the tests' patience.</summary>
        public async Task<JsonElement> NextAsync() =>
            await _entries.Reader.ReadAsync(Cancel).AsTask().WaitAsync(NotificationsApp.Patience, Cancel);

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
