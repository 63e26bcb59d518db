using System.Net;
using System.Text.Json;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;
using static PropertyPlatform.TestSupport.Http;

namespace PropertyPlatform.Reception.Tests;

/// <summary>Enquiries over HTTP, on real PostgreSQL and RabbitMQ.</summary>
public sealed class EnquiryApiTests(TestInfrastructure infrastructure)
{
    private static string Enquiry(Guid propertyId, string? answer = null, DateTimeOffset? dueAt = null, Guid? unitId = null) =>
        JsonSerializer.Serialize(new
        {
            propertyId,
            unitId,
            enquirerName = "王先生",
            enquirerPhone = "13500135000",
            channel = "phone",
            question = "月租车位还有吗？",
            answer,
            dueAt,
        });

    [Fact]
    public async Task An_enquiry_is_answered_now_or_recorded_and_answered_later_and_the_overdue_ones_are_listed()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var now = DateTimeOffset.UtcNow;

        var answered = await desk.PostJsonAsync("/enquiries", Enquiry(property, answer: "B2 层还有 3 个"));
        answered.StatusCode.ShouldBe(HttpStatusCode.Created, await answered.Content.ReadAsStringAsync(Cancel));
        (await answered.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("answered");

        var open = await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: now.AddHours(2)))).ReadJsonAsync();
        open.GetProperty("status").GetString().ShouldBe("open");
        open.GetProperty("channel").GetString().ShouldBe("phone");
        var later = await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: now.AddDays(2)))).ReadJsonAsync();
        (await LostItemApiTests.Total(desk, "/enquiries?status=open")).ShouldBe(2);
        (await LostItemApiTests.Total(desk, "/enquiries?overdue=true")).ShouldBe(0);

        app.Time.Advance(TimeSpan.FromHours(3));
        desk = app.ClientAs(Roles.FrontDesk, property);

        var overdue = await desk.GetFromJsonAsync<JsonElement>("/enquiries?overdue=true", Cancel);
        overdue.GetProperty("total").GetInt32().ShouldBe(1);
        overdue.GetProperty("items")[0].GetProperty("id").GetGuid().ShouldBe(open.GetProperty("id").GetGuid());
        overdue.GetProperty("items")[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();

        var id = open.GetProperty("id").GetGuid();
        var reply = await desk.PostJsonAsync($"/enquiries/{id}/answer", JsonSerializer.Serialize(new { answer = "已回电" }));
        reply.StatusCode.ShouldBe(HttpStatusCode.OK, await reply.Content.ReadAsStringAsync(Cancel));
        var done = await reply.ReadJsonAsync();
        done.GetProperty("answeredLate").GetBoolean().ShouldBeTrue();
        done.GetProperty("answeredByName").GetString().ShouldBe($"测试{Roles.FrontDesk}");
        await (await desk.PostJsonAsync($"/enquiries/{id}/answer", JsonSerializer.Serialize(new { answer = "再答" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        (await LostItemApiTests.Total(desk, "/enquiries?overdue=true")).ShouldBe(0);
        (await desk.GetFromJsonAsync<JsonElement>($"/enquiries/{later.GetProperty("id").GetGuid()}", Cancel))
            .GetProperty("overdue").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Neither_answered_nor_due_or_due_in_the_past_is_a_field_error_and_stores_nothing()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);

        await (await desk.PostJsonAsync("/enquiries", Enquiry(property))).ShouldHaveFieldErrorAsync("dueAt");
        await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: DateTimeOffset.UtcNow.AddHours(-1)))).ShouldHaveFieldErrorAsync("dueAt");
        await (await desk.PostJsonAsync("/enquiries", Enquiry(property, "好的", unitId: Guid.NewGuid()))).ShouldHaveFieldErrorAsync("unitId");
        await (await desk.GetAsync("/enquiries?status=pending", Cancel)).ShouldHaveFieldErrorAsync("status");
        (await app.ScalarAsync<long>("SELECT count(*) FROM enquiries")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_front_desk_and_its_supervisors_handle_enquiries_and_other_properties_answer_404()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        string[] allowed = [Roles.FrontDesk, Roles.Supervisor, Roles.Manager, Roles.Admin];
        foreach (var role in Roles.All)
        {
            var client = role == Roles.Occupant ? app.ClientAsOccupant(Guid.NewGuid(), property, Guid.NewGuid()) : app.ClientAs(role, property);
            var id = (await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: DateTimeOffset.UtcNow.AddHours(1)))).ReadJsonAsync())
                .GetProperty("id").GetGuid();
            var responses = new[]
            {
                await client.GetAsync("/enquiries", Cancel),
                await client.GetAsync($"/enquiries/{id}", Cancel),
                await client.PostJsonAsync("/enquiries", Enquiry(property, "好的")),
                await client.PostJsonAsync($"/enquiries/{id}/answer", JsonSerializer.Serialize(new { answer = "好的" })),
            };
            foreach (var response in responses)
            {
                if (allowed.Contains(role))
                {
                    response.IsSuccessStatusCode.ShouldBeTrue($"{role}: {(int)response.StatusCode} {response.RequestMessage!.RequestUri}");
                }
                else
                {
                    await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
                }
            }
        }
        await (await app.CreateClient().GetAsync("/enquiries", Cancel)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var mine = (await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: DateTimeOffset.UtcNow.AddHours(1)))).ReadJsonAsync())
            .GetProperty("id").GetGuid();
        var elsewhere = app.ClientAs(Roles.Manager, Guid.NewGuid());
        await (await elsewhere.GetAsync($"/enquiries/{mine}", Cancel)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await elsewhere.PostJsonAsync($"/enquiries/{mine}/answer", JsonSerializer.Serialize(new { answer = "x" })))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await LostItemApiTests.Total(elsewhere, "/enquiries")).ShouldBe(0);
        await (await elsewhere.PostJsonAsync("/enquiries", Enquiry(property, "好的"))).ShouldHaveFieldErrorAsync("propertyId");
        (await app.ScalarAsync<string>($"SELECT status FROM enquiries WHERE id = '{mine}'")).ShouldBe("Open");
    }

    [Fact]
    public async Task The_sweeper_reminds_the_desk_once_of_an_enquiry_whose_answer_falls_due()
    {
        await using var app = await ReceptionTestApp.StartAsync(infrastructure);
        var property = Guid.NewGuid();
        var desk = app.ClientAs(Roles.FrontDesk, property);
        var now = app.Time.GetUtcNow();
        var soon = (await (await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: now.AddHours(2)))).ReadJsonAsync()).GetProperty("id").GetGuid();
        await desk.PostJsonAsync("/enquiries", Enquiry(property, dueAt: now.AddDays(2)));
        var sweeper = app.Services.GetRequiredService<Infrastructure.EnquiryReminderSweeper>();
        var reminders = $"SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.EnquiryAnswerDue%' AND body::text LIKE '%{soon}%'";
        var allReminders = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%.EnquiryAnswerDue%'";

        await sweeper.SweepAsync(Cancel);
        (await app.ScalarAsync<long>(allReminders)).ShouldBe(0);

        app.Time.Advance(TimeSpan.FromHours(3));
        await sweeper.SweepAsync(Cancel);
        await sweeper.SweepAsync(Cancel);

        (await app.ScalarAsync<long>(reminders)).ShouldBe(1);
        (await app.ScalarAsync<long>(allReminders)).ShouldBe(1, "the enquiry due in two days is not due yet");
    }
}
