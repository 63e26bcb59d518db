using System.Net;
using System.Text.Json;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.Infrastructure;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>The bell's number and "mark all read": both count and touch exactly what the caller's list shows.</summary>
public sealed class UnreadCountAndReadAllTests(TestInfrastructure infrastructure)
{
    private readonly Guid _propertyA = Guid.NewGuid();

    private readonly Guid _propertyB = Guid.NewGuid();

    private readonly Guid _clerk = Guid.NewGuid();

    private readonly Guid _occupant = Guid.NewGuid();

    [Fact]
    public async Task Mark_all_read_clears_the_callers_bell_and_leaves_everyone_elses_messages_unread()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (deskA, _, engineersA, occupantsA, deskB, occupantsOwn) = await SeedAsync(app);
        var clerk = Clerk(app);

        (await UnreadAsync(clerk)).ShouldBe(2); // the desk's message at A and the clerk's own
        (await UnreadAsync(clerk, "?role=frontdesk")).ShouldBe(1);

        (await MarkAllAsync(clerk)).ShouldBe(2);

        (await UnreadAsync(clerk)).ShouldBe(0);
        (await clerk.GetFromJsonAsync<JsonElement>("/inbox?unread=true", Cancel)).GetProperty("total").GetInt32().ShouldBe(0);
        (await MarkAllAsync(clerk)).ShouldBe(0);

        // Not the engineers', nor the occupant's, nor every occupant's, nor another property's desk.
        foreach (var untouched in new[] { engineersA, occupantsA, deskB, occupantsOwn })
        {
            (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE id = '{untouched}' AND read_at IS NULL")).ShouldBe(1);
        }
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE id = '{deskA}' AND read_at IS NOT NULL")).ShouldBe(1);
        (await UnreadAsync(app.ClientAs(Roles.Engineer, _propertyA))).ShouldBe(1);
        (await UnreadAsync(app.ClientAs(Roles.FrontDesk, _propertyB))).ShouldBe(1);
    }

    [Fact]
    public async Task Mark_all_read_with_a_filter_marks_only_what_the_filtered_list_shows_and_keeps_first_read_times()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (deskA, clerksOwn, _, _, _, _) = await SeedAsync(app);
        var clerk = Clerk(app);
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var firstRead = (await (await clerk.PostAsync($"/inbox/{clerksOwn}/read", null, Cancel)).ReadJsonAsync()).GetProperty("readAt").GetDateTimeOffset();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var before = app.Time.GetUtcNow().AddMilliseconds(-1);

        (await MarkAllAsync(clerk, "?role=frontdesk")).ShouldBe(1);

        var own = await clerk.GetFromJsonAsync<JsonElement>($"/inbox/{clerksOwn}", Cancel);
        own.GetProperty("readAt").GetDateTimeOffset().ShouldBe(firstRead);
        var desk = await clerk.GetFromJsonAsync<JsonElement>($"/inbox/{deskA}", Cancel);
        desk.GetProperty("readAt").GetDateTimeOffset().ShouldBeInRange(before, app.Time.GetUtcNow());
        (await MarkAllAsync(clerk, $"?propertyId={_propertyB}")).ShouldBe(0);
    }

    [Fact]
    public async Task An_occupants_bell_counts_and_clears_only_their_own_messages()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (_, _, _, occupantsA, _, occupantsOwn) = await SeedAsync(app);
        var occupant = app.ClientAsOccupant(_occupant, _propertyA, Guid.NewGuid());

        (await UnreadAsync(occupant)).ShouldBe(1);
        (await MarkAllAsync(occupant)).ShouldBe(1);

        (await UnreadAsync(occupant)).ShouldBe(0);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE id = '{occupantsA}' AND read_at IS NULL")).ShouldBe(1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE id = '{occupantsOwn}' AND read_at IS NOT NULL")).ShouldBe(1);
        // Their neighbour's bell shows nothing of it.
        (await UnreadAsync(app.ClientAsOccupant(Guid.NewGuid(), _propertyA, Guid.NewGuid()))).ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_role_filter_is_a_validation_problem_and_marks_nothing()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        await SeedAsync(app);
        var admin = app.ClientAsAdmin();

        await (await admin.GetAsync("/inbox/unread-count?role=janitor", Cancel)).ShouldHaveFieldErrorAsync("role");
        await (await admin.PostAsync("/inbox/read-all?role=janitor", null, Cancel)).ShouldHaveFieldErrorAsync("role");

        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries WHERE read_at IS NOT NULL")).ShouldBe(0);
    }

    [Theory]
    [InlineData(Roles.Security)]
    [InlineData(Roles.Finance)]
    public async Task Roles_without_an_inbox_may_not_mark_all_read(string role)
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);

        await (await app.ClientAs(role, _propertyA).PostAsync("/inbox/read-all", null, Cancel)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private HttpClient Clerk(NotificationsApp app) =>
        app.ClientAs(new AccessTokenContent(_clerk, "王芳", [Roles.FrontDesk], false, [_propertyA], []));

    private static async Task<int> UnreadAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/inbox/unread-count{query}", Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("unread").GetInt32();
    }

    private static async Task<int> MarkAllAsync(HttpClient client, string query = "")
    {
        var response = await client.PostAsync($"/inbox/read-all{query}", null, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.ReadJsonAsync()).GetProperty("marked").GetInt32();
    }

    /// <summary>At A: the desk's, the clerk's own, the engineers', every occupant's and one occupant's; at B: the desk's.</summary>
    private async Task<(Guid DeskA, Guid ClerksOwn, Guid EngineersA, Guid OccupantsA, Guid DeskB, Guid OccupantsOwn)> SeedAsync(NotificationsApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var text = new MessageText("新报修单", "1201 卫生间漏水", "New repair request", "1201 leaking bathroom");
        var now = app.Time.GetUtcNow();
        InboxEntry To(Recipient recipient) => InboxEntry.Deliver(recipient, text, "/api/workorders/work-orders/1", Guid.NewGuid(), now);

        var entries = new[]
        {
            To(Recipient.RoleAt(_propertyA, RecipientRole.Frontdesk)),
            To(Recipient.Person(_propertyA, _clerk)),
            To(Recipient.RoleAt(_propertyA, RecipientRole.Engineer)),
            To(Recipient.RoleAt(_propertyA, RecipientRole.Occupant)),
            To(Recipient.RoleAt(_propertyB, RecipientRole.Frontdesk)),
            To(Recipient.Person(_propertyA, _occupant)),
        };
        db.InboxEntries.AddRange(entries);
        await db.SaveChangesAsync(Cancel);
        return (entries[0].Id, entries[1].Id, entries[2].Id, entries[3].Id, entries[4].Id, entries[5].Id);
    }
}
