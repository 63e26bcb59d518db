using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// Two properties' inboxes, through the broker: a repair request for the front desk of A and one for B, and at A an
/// order dispatched to an engineer for an occupant (a message to each). Stored as a consumer would store them, since
/// nothing publishes such messages yet: at A one for the engineers, one for every occupant and one for a single clerk.
/// One service for the class; tests only read and mark read.
/// </summary>
public sealed class TwoPropertiesInboxes(TestInfrastructure infrastructure) : IAsyncLifetime
{
    public NotificationsApp App { get; private set; } = null!;

    public Guid PropertyA { get; } = Guid.NewGuid();

    public Guid PropertyB { get; } = Guid.NewGuid();

    /// <summary>A front-desk clerk of A with a message of their own.</summary>
    public Guid ClerkA { get; } = Guid.NewGuid();

    /// <summary>The occupant of A whose order was dispatched.</summary>
    public Guid OccupantA { get; } = Guid.NewGuid();

    public Guid UnitA { get; } = Guid.NewGuid();

    /// <summary>The engineer of A the order was dispatched to.</summary>
    public Guid EngineerA { get; } = Guid.NewGuid();

    public Guid FrontDeskA { get; private set; }

    public Guid FrontDeskB { get; private set; }

    public Guid OccupantsOwn { get; private set; }

    public Guid EngineersOwn { get; private set; }

    public Guid EngineersA { get; private set; }

    public Guid OccupantsA { get; private set; }

    public Guid ClerksOwn { get; private set; }

    public async ValueTask InitializeAsync()
    {
        App = await NotificationsApp.StartAsync(infrastructure);
        var forA = Submitted(PropertyA);
        var forB = Submitted(PropertyB);
        var dispatched = new WorkOrderDispatched(
            Guid.NewGuid(), DateTimeOffset.UtcNow, PropertyA, forA.WorkOrderId, forA.Number, UnitA, "1201", OccupantA, ClerkA, "王芳", EngineerA, "张伟");
        await App.PublishAsync(forA, forA.EventId);
        await App.PublishAsync(forB, forB.EventId);
        await App.PublishAsync(dispatched);
        await Eventually.ReturnsAsync(() => App.ScalarAsync<long>("SELECT count(*) FROM inbox_entries"), count => count == 4, NotificationsApp.Patience);
        FrontDeskA = await App.ScalarAsync<Guid>($"SELECT id FROM inbox_entries WHERE source_event_id = '{forA.EventId}'");
        FrontDeskB = await App.ScalarAsync<Guid>($"SELECT id FROM inbox_entries WHERE source_event_id = '{forB.EventId}'");
        OccupantsOwn = await App.ScalarAsync<Guid>($"SELECT id FROM inbox_entries WHERE recipient_person_id = '{OccupantA}'");
        EngineersOwn = await App.ScalarAsync<Guid>($"SELECT id FROM inbox_entries WHERE recipient_person_id = '{EngineerA}'");

        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var text = new MessageText("工单已派给您", "WO-20261122-0001", "An order was dispatched to you", "WO-20261122-0001");
        var engineers = InboxEntry.Deliver(Recipient.RoleAt(PropertyA, RecipientRole.Engineer), text, "/api/workorders/work-orders/1", Guid.NewGuid(), DateTimeOffset.UtcNow);
        var occupants = InboxEntry.Deliver(Recipient.RoleAt(PropertyA, RecipientRole.Occupant), text, "/api/workorders/work-orders/1", Guid.NewGuid(), DateTimeOffset.UtcNow);
        var clerks = InboxEntry.Deliver(Recipient.Person(PropertyA, ClerkA), text, "/api/workorders/work-orders/1", Guid.NewGuid(), DateTimeOffset.UtcNow);
        db.InboxEntries.AddRange(engineers, occupants, clerks);
        await db.SaveChangesAsync(Cancel);
        EngineersA = engineers.Id;
        OccupantsA = occupants.Id;
        ClerksOwn = clerks.Id;
    }

    /// <summary>A client for <paramref name="role"/> at property A; the occupant is the one whose order was dispatched.</summary>
    public HttpClient ClientAt(string role) =>
        role == Roles.Occupant ? App.ClientAsOccupant(OccupantA, PropertyA, UnitA) : App.ClientAs(role, PropertyA);

    /// <summary>A message at A that <paramref name="role"/> (as <see cref="ClientAt"/> signs in) may read.</summary>
    public Guid ReadableBy(string role) => role switch
    {
        Roles.Occupant => OccupantsOwn,
        Roles.Engineer => EngineersA,
        _ => FrontDeskA,
    };

    /// <summary>The clerk of A who has a message of their own.</summary>
    public HttpClient Clerk() => App.ClientAs(new AccessTokenContent(ClerkA, "王芳", [Roles.FrontDesk], false, [PropertyA], []));

    /// <summary>The engineer of A the order was dispatched to.</summary>
    public HttpClient Engineer() => App.ClientAs(new AccessTokenContent(EngineerA, "张伟", [Roles.Engineer], false, [PropertyA], []));

    private static WorkOrderSubmitted Submitted(Guid propertyId) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, propertyId, Guid.NewGuid(), "WO-20261122-0001", Guid.NewGuid(), "1201",
        WorkOrderCategory.Plumbing, WorkOrderPriority.High, IntakeChannel.Phone, "卫生间漏水");

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Who may open the inbox, and that each reader sees only their properties' messages for their roles and their own.</summary>
public sealed class InboxAccessTests(TwoPropertiesInboxes world) : IClassFixture<TwoPropertiesInboxes>
{
    /// <summary>The README's matrix: the roles each endpoint admits; every other role gets 403.</summary>
    private static readonly string[] Readers = [Roles.Occupant, Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Engineer, Roles.Admin];

    public static TheoryData<string, string> EveryRoleAtEveryEndpoint() => AccessMatrix.EveryRoleAt(["list", "get", "read", "count"]);

    [Theory]
    [MemberData(nameof(EveryRoleAtEveryEndpoint))]
    public async Task Occupants_engineers_the_front_desk_and_those_who_oversee_them_open_the_inbox_and_nobody_else(string endpoint, string role)
    {
        var response = await CallAsync(world.ClientAt(role), endpoint, world.ReadableBy(role));

        if (Readers.Contains(role))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} {endpoint}: {await response.Content.ReadAsStringAsync(Cancel)}");
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [InlineData("list")]
    [InlineData("get")]
    [InlineData("read")]
    [InlineData("count")]
    [InlineData("read-all")]
    public async Task Without_a_token_every_endpoint_answers_401(string endpoint)
    {
        var response = await CallAsync(world.App.CreateClient(), endpoint, world.FrontDeskB);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await world.App.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE id = '{world.FrontDeskB}' AND read_at IS NOT NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task Another_propertys_message_is_not_found_just_like_an_unknown_one_and_stays_unread()
    {
        var frontDesk = world.ClientAt(Roles.FrontDesk);
        var unknown = await (await frontDesk.GetAsync($"/inbox/{Guid.NewGuid()}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        foreach (var endpoint in new[] { "get", "read" })
        {
            var problem = await (await CallAsync(frontDesk, endpoint, world.FrontDeskB)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            problem.GetProperty("title").GetString().ShouldBe(unknown.GetProperty("title").GetString());
        }
        (await world.App.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/inbox/{world.FrontDeskB}", Cancel))
            .GetProperty("readAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task A_message_to_one_person_is_theirs_alone()
    {
        (await world.Clerk().GetAsync($"/inbox/{world.ClerksOwn}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ListedAsync(world.Clerk(), "/inbox")).ShouldBe([world.ClerksOwn, world.FrontDeskA], ignoreOrder: true);

        foreach (var other in new[] { world.ClientAt(Roles.FrontDesk), world.ClientAt(Roles.Supervisor), world.App.ClientAsAdmin() })
        {
            await (await CallAsync(other, "get", world.ClerksOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await CallAsync(other, "read", world.ClerksOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            (await ListedAsync(other, $"/inbox?personId={world.ClerkA}")).ShouldBeEmpty();
        }
    }

    [Fact]
    public async Task An_occupant_reads_only_the_messages_addressed_to_them()
    {
        var occupant = world.ClientAt(Roles.Occupant);
        (await ListedAsync(occupant, "/inbox")).ShouldBe([world.OccupantsOwn]);
        (await ListedAsync(occupant, "/inbox?role=occupant")).ShouldBeEmpty();
        (await occupant.GetAsync($"/inbox/{world.OccupantsOwn}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Not the desk's, not the engineer's, and not a message to every occupant of A: nothing else.
        foreach (var other in new[] { world.FrontDeskA, world.EngineersOwn, world.EngineersA, world.OccupantsA, world.ClerksOwn })
        {
            await (await CallAsync(occupant, "get", other)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await CallAsync(occupant, "read", other)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        // Another occupant of A, and the same person signed in for another property only, see none of it.
        foreach (var stranger in new[]
        {
            world.App.ClientAsOccupant(Guid.NewGuid(), world.PropertyA, world.UnitA),
            world.App.ClientAsOccupant(world.OccupantA, world.PropertyB, Guid.NewGuid()),
        })
        {
            (await ListedAsync(stranger, "/inbox")).ShouldBeEmpty();
            await (await CallAsync(stranger, "get", world.OccupantsOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await CallAsync(stranger, "read", world.OccupantsOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task An_engineer_reads_their_own_messages_and_those_to_the_engineers_of_their_properties()
    {
        (await ListedAsync(world.Engineer(), "/inbox")).ShouldBe([world.EngineersOwn, world.EngineersA], ignoreOrder: true);
        (await world.Engineer().GetAsync($"/inbox/{world.EngineersOwn}", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var other in new[] { world.FrontDeskA, world.OccupantsOwn, world.OccupantsA, world.ClerksOwn })
        {
            await (await CallAsync(world.Engineer(), "get", other)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var colleague = world.ClientAt(Roles.Engineer);
        (await ListedAsync(colleague, "/inbox")).ShouldBe([world.EngineersA]);
        await (await CallAsync(colleague, "get", world.EngineersOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await CallAsync(colleague, "read", world.EngineersOwn)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await ListedAsync(world.App.ClientAs(Roles.Engineer, world.PropertyB), "/inbox")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Lists_hold_only_the_callers_properties_and_roles_whatever_the_filter_asks()
    {
        (await ListedAsync(world.ClientAt(Roles.FrontDesk), "/inbox")).ShouldBe([world.FrontDeskA]);
        (await ListedAsync(world.ClientAt(Roles.FrontDesk), $"/inbox?propertyId={world.PropertyB}")).ShouldBeEmpty();
        (await ListedAsync(world.ClientAt(Roles.FrontDesk), "/inbox?role=engineer")).ShouldBeEmpty();

        // Those who oversee the desk see every role's messages at their properties, still not another property's nor one person's.
        (await ListedAsync(world.ClientAt(Roles.Supervisor), "/inbox")).ShouldBe([world.FrontDeskA, world.EngineersA, world.OccupantsA], ignoreOrder: true);
        (await ListedAsync(world.App.ClientAs(Roles.Manager, world.PropertyB), "/inbox")).ShouldBe([world.FrontDeskB]);
        (await ListedAsync(world.App.ClientAsAdmin(), "/inbox"))
            .ShouldBe([world.FrontDeskA, world.FrontDeskB, world.EngineersA, world.OccupantsA], ignoreOrder: true);
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string endpoint, Guid entryId) => endpoint switch
    {
        "list" => client.GetAsync("/inbox", Cancel),
        "get" => client.GetAsync($"/inbox/{entryId}", Cancel),
        "read" => client.PostAsync($"/inbox/{entryId}/read", null, Cancel),
        "count" => client.GetAsync("/inbox/unread-count", Cancel),
        "read-all" => client.PostAsync("/inbox/read-all", null, Cancel),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
    };

    private static async Task<List<Guid>> ListedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
    }
}
