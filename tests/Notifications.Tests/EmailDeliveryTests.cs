using System.Net;
using System.Text;
using System.Text.Json;
using MimeKit;
using netDumbster.smtp;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Contracts.WorkOrders;
using PropertyPlatform.Notifications.Channels;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// Email reaches a real SMTP server (netDumbster, listening on a loopback port in the test process) once per event and
/// recipient, in the recipient's language, to the address Directory announced; support staff see what was sent.
/// </summary>
public sealed class EmailDeliveryTests(TestInfrastructure infrastructure) : IDisposable
{
    private const string Email = "zhang.wei@example.com";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly SimpleSmtpServer _smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithRandomPort().Build();

    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _occupantId = Guid.NewGuid();

    public void Dispose() => _smtp.Dispose();

    [Fact]
    public async Task A_dispatched_order_reaches_the_occupants_email_once_and_the_log_shows_it_sent_to_a_masked_address()
    {
        await using var app = await StartAsync();
        await RegisterOccupantAsync(app);
        var dispatched = Dispatched();

        await app.PublishAsync(dispatched);
        // The same event again, redelivered and replayed under a new message id: still one email.
        await app.PublishAsync(dispatched);
        await app.PublishAsync(dispatched, Guid.NewGuid());

        var log = await Eventually.ReturnsAsync(
            () => Support(app).GetFromJsonAsync<JsonElement>($"/deliveries?recipientId={_occupantId}", Cancellation),
            page => page.GetProperty("items").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "sent"),
            NotificationsApp.Patience);
        await Inbox.HandledAsync(app, dispatched.EventId, times: 2);
        var delivery = log.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        delivery.GetProperty("channel").GetString().ShouldBe("email");
        delivery.GetProperty("address").GetString().ShouldBe("z***@example.com");
        delivery.GetProperty("eventType").GetString().ShouldBe("WorkOrderDispatched");
        delivery.GetProperty("attempts").GetInt32().ShouldBe(1);

        var mail = _smtp.ReceivedEmail.ShouldHaveSingleItem();
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)), Cancellation);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe(Email);
        message.Subject.ShouldBe("您的报修 WO-20261206-0001 已派给 张伟");
        message.TextBody.ShouldNotBeNull().ShouldContain("张伟先生，您好");
        message.TextBody.ShouldContain("维修人员：张伟");
        (await Inbox.WhenAsync(app.ClientAsOccupant(_occupantId, _propertyId), "/inbox", total => total >= 1)).GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_occupants_email_address_is_stored_encrypted()
    {
        await using var app = await StartAsync();
        await RegisterOccupantAsync(app);

        (await app.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE email_masked = 'z***@example.com' AND phone_masked = '138****5678'")).ShouldBe(1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM contacts WHERE email_ciphertext LIKE '%example%' OR phone_ciphertext LIKE '%5678%'")).ShouldBe(0);
    }

    [Fact]
    public async Task An_engineer_with_an_email_in_Directory_gets_the_order_dispatched_to_them_by_email_stored_encrypted()
    {
        await using var app = await StartAsync();
        var engineerId = Guid.NewGuid();
        var staff = new StaffChanged(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, engineerId, true, "刘国强", "13900139000", Department.Engineering,
            [StaffRole.Engineer], [_propertyId], "liu.guoqiang@example.com");
        await app.PublishAsync(staff);
        await Inbox.HandledAsync(app, staff.EventId, times: 1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM contacts WHERE person_id = '{engineerId}' AND is_staff AND email_masked = 'l***@example.com'")).ShouldBe(1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM contacts WHERE email_ciphertext LIKE '%example%'")).ShouldBe(0);
        var dispatched = Dispatched() with { AssigneeId = engineerId, AssigneeName = "刘国强" };

        await app.PublishAsync(dispatched);

        await Eventually.ReturnsAsync(() => Task.FromResult(_smtp.ReceivedEmailCount), count => count >= 1, NotificationsApp.Patience);
        var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(_smtp.ReceivedEmail.ShouldHaveSingleItem().Data)), Cancellation);
        message.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("liu.guoqiang@example.com");
        message.TextBody.ShouldNotBeNull().ShouldContain("刘国强，您好");
        message.TextBody.ShouldContain("WO-20261206-0001");
    }

    [Fact]
    public async Task Someone_without_a_known_email_gets_the_inbox_entry_and_no_email()
    {
        await using var app = await StartAsync();
        var dispatched = Dispatched();

        await app.PublishAsync(dispatched);

        await Inbox.HandledAsync(app, dispatched.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM inbox_entries")).ShouldBe(2);
        (await app.ScalarAsync<long>("SELECT count(*) FROM deliveries")).ShouldBe(0);
        _smtp.ReceivedEmailCount.ShouldBe(0);
    }

    [Fact]
    public async Task The_desk_and_the_administrator_of_another_property_neither_see_nor_replay_its_deliveries_and_webhooks()
    {
        await using var app = await StartAsync();
        await RegisterOccupantAsync(app);
        var dispatched = Dispatched();
        await app.PublishAsync(dispatched);
        var log = await Eventually.ReturnsAsync(
            () => Support(app).GetFromJsonAsync<JsonElement>($"/deliveries?recipientId={_occupantId}", Cancellation),
            page => page.GetProperty("total").GetInt32() == 1, NotificationsApp.Patience);
        var deliveryId = log.GetProperty("items")[0].GetProperty("id").GetGuid();
        var hook = await app.ClientAsAdmin().PostAsJsonAsync(
            "/webhooks", new { propertyId = _propertyId, name = "ERP", url = "https://erp.example.com/hooks", eventTypes = new[] { "BillIssued" } }, Cancellation);
        var webhookId = (await hook.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("webhook").GetProperty("id").GetGuid();
        var elsewhere = Guid.NewGuid();
        var otherDesk = app.ClientAs(Roles.FrontDesk, elsewhere);
        var otherAdmin = app.ClientAs(Roles.Admin, elsewhere);

        (await otherDesk.GetFromJsonAsync<JsonElement>($"/deliveries?recipientId={_occupantId}&propertyId={_propertyId}", Cancellation))
            .GetProperty("total").GetInt32().ShouldBe(0);
        (await otherDesk.GetAsync($"/deliveries/{deliveryId}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherDesk.PostAsync($"/deliveries/{deliveryId}/replay", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.GetFromJsonAsync<JsonElement>("/webhooks", Cancellation)).GetProperty("total").GetInt32().ShouldBe(0);
        (await otherAdmin.GetAsync($"/webhooks/{webhookId}/deliveries", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.PostAsync($"/webhooks/{webhookId}/replay", null, Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherAdmin.DeleteAsync($"/webhooks/{webhookId}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.ClientAsAdmin().GetFromJsonAsync<JsonElement>($"/webhooks/{webhookId}", Cancellation)).GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_occupant_may_not_read_the_delivery_log_and_an_unknown_status_is_a_problem()
    {
        await using var app = await StartAsync();

        (await app.ClientAsOccupant(_occupantId, _propertyId).GetAsync("/deliveries", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var invalid = await Support(app).GetAsync("/deliveries?status=lost", Cancellation);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task In_quiet_hours_email_and_sms_are_held_and_go_out_in_the_chosen_language_when_they_end()
    {
        await using var app = await StartAsync();
        await RegisterOccupantAsync(app);
        var occupant = app.ClientAsOccupant(_occupantId, _propertyId);
        var localNow = TimeOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var quiet = new { from = localNow.AddHours(-1).ToString("HH:mm"), until = localNow.AddHours(1).ToString("HH:mm") };
        var saved = await occupant.PutAsJsonAsync(
            "/preferences", new { language = "en", email = new[] { "repairs" }, sms = new[] { "repairs" }, quietHours = quiet, timeZone = "Asia/Shanghai" }, Cancellation);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await occupant.GetFromJsonAsync<JsonElement>("/preferences", Cancellation)).GetProperty("sms").EnumerateArray().Single().GetString().ShouldBe("repairs");
        var dispatched = Dispatched();

        await app.PublishAsync(dispatched);

        await Inbox.HandledAsync(app, dispatched.EventId, times: 1);
        (await app.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE status = 'Held'")).ShouldBe(2);
        _smtp.ReceivedEmailCount.ShouldBe(0);

        app.Time.Advance(TimeSpan.FromHours(2));

        await Eventually.ReturnsAsync(() => app.ScalarAsync<long>("SELECT count(*) FROM deliveries WHERE status = 'Sent'"), sent => sent == 2, NotificationsApp.Patience);
        var mail = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(_smtp.ReceivedEmail.ShouldHaveSingleItem().Data)), Cancellation);
        mail.Subject.ShouldBe("Your repair WO-20261206-0001 has been dispatched to 张伟");
        var sms = app.Services.GetRequiredService<DevelopmentSmsProvider>().Sent.ShouldHaveSingleItem();
        sms.Phone.ShouldBe("13812345678");
        sms.Text.ShouldBe("[PropertyPlatform] Your repair WO-20261206-0001 has been dispatched to 张伟");
    }

    [Fact]
    public async Task Preferences_with_quiet_hours_that_end_when_they_start_are_a_problem()
    {
        await using var app = await StartAsync();

        var response = await app.ClientAsOccupant(_occupantId, _propertyId).PutAsJsonAsync(
            "/preferences", new { language = "zh-CN", email = Array.Empty<string>(), sms = Array.Empty<string>(), quietHours = new { from = "22:00", until = "22:00" } }, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<NotificationsApp> StartAsync()
    {
        return await NotificationsApp.StartAsync(infrastructure, configureServices: (services, _) =>
        {
            services.Configure<SmtpOptions>(smtp => (smtp.Host, smtp.Port) = ("127.0.0.1", _smtp.Configuration.Port));
            services.Configure<DeliveryOptions>(o => o.PollInterval = TimeSpan.FromMilliseconds(200));
        });
    }

    private async Task RegisterOccupantAsync(NotificationsApp app)
    {
        var registered = new OccupantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _occupantId, OccupantKind.Person, "张伟先生", "13812345678", Email, null);
        await app.PublishAsync(registered);
        await Inbox.HandledAsync(app, registered.EventId, times: 1);
    }

    private HttpClient Support(NotificationsApp app) => app.ClientAs(Roles.FrontDesk, _propertyId);

    private WorkOrderDispatched Dispatched() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), "WO-20261206-0001", Guid.NewGuid(), "1201", _occupantId,
        Guid.NewGuid(), "王芳", Guid.NewGuid(), "张伟");
}
