using System.Net;
using System.Text.Json;
using PropertyPlatform.Contracts.Billing;
using PropertyPlatform.Contracts.Directory;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.ServiceDefaults.Auth;
using PropertyPlatform.ServiceDefaults.Domain;
using PropertyPlatform.ServiceDefaults.LocalCopies;
using PropertyPlatform.TestSupport;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>
/// A company does not sign in: what Billing and others address to it (its <c>PayerId</c>) reaches its current
/// authorised signers' inboxes and the company's own email, not its other staff nor its neighbours.
/// </summary>
public sealed class CompanySignerTests(TestInfrastructure infrastructure)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly Guid _propertyId = Guid.NewGuid();

    private readonly Guid _unitId = Guid.NewGuid();

    private readonly Guid _companyId = Guid.NewGuid();

    [Fact]
    public async Task An_arrears_reminder_to_a_company_reaches_its_signer_and_its_email_but_not_a_colleague_or_a_neighbour()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (signer, colleague, neighbour) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await HandleAsync(app, new OccupantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _companyId, OccupantKind.Company, "华夏智联科技有限公司", "010-85880101", "office@huaxia.example.cn", null));
        await HandleAsync(app, new OccupantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, signer, OccupantKind.Person, "张伟", "13912345678", null, _companyId));
        await HandleAsync(app, new OccupantRegistered(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, colleague, OccupantKind.Person, "李娜", "13912345679", null, _companyId));
        await HandleAsync(app, new OccupancyStarted(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), _unitId, _companyId, OccupancyRole.Tenant, new DateOnly(2023, 3, 1)));
        await HandleAsync(app, new OccupancyStarted(
            Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), Guid.NewGuid(), neighbour, OccupancyRole.Owner, new DateOnly(2023, 3, 1)));
        var added = Added(signer);
        await HandleAsync(app, added);

        var reminder = Reminder();
        await app.PublishAsync(reminder);
        // Redelivered, and replayed under a new message id: still one message each.
        await app.PublishAsync(reminder);
        var replayed = Guid.NewGuid();
        await app.PublishAsync(reminder, replayed);
        // The authorisation delivered again changes nothing either.
        await app.PublishAsync(added);

        var entry = await Inbox.SingleAsync(app.ClientAsOccupant(signer, _propertyId));
        entry.GetProperty("title").GetString().ShouldBe("欠费提醒：A座 1201 1234.50 元");
        // Each delivery of a message id counts as handled, the duplicate's too.
        await Inbox.HandledAsync(app, reminder.EventId, times: 2);
        await Inbox.HandledAsync(app, replayed, times: 1);
        await Inbox.HandledAsync(app, added.EventId, times: 2);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM inbox_entries WHERE source_event_id = '{reminder.EventId}' AND recipient_person_id = '{signer}'")).ShouldBe(1);
        (await app.ScalarAsync<long>($"SELECT count(*) FROM company_signers")).ShouldBe(1);
        foreach (var other in new[] { colleague, neighbour })
        {
            var client = app.ClientAsOccupant(other, _propertyId);
            (await client.GetFromJsonAsync<JsonElement>("/inbox", Cancellation)).GetProperty("total").GetInt32().ShouldBe(0);
            (await client.GetAsync($"/inbox/{entry.GetProperty("id").GetGuid()}", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The company's own address hears about its bills (its email, masked in the log); the signer has none.
        var log = await app.ClientAs(Roles.FrontDesk, _propertyId).GetFromJsonAsync<JsonElement>($"/deliveries?eventType=ArrearsReminderDue", Cancellation);
        var email = log.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        email.GetProperty("channel").GetString().ShouldBe("email");
        email.GetProperty("address").GetString().ShouldBe("o***@huaxia.example.cn");
    }

    [Fact]
    public async Task A_signer_from_the_feed_hears_the_companys_bills_until_withdrawn_and_an_older_read_does_not_bring_them_back()
    {
        await using var app = await NotificationsApp.StartAsync(infrastructure);
        var (fromFeed, fromEvent) = (Guid.NewGuid(), Guid.NewGuid());
        var readAt = StoredTime.Of(DateTimeOffset.UtcNow.AddMinutes(-1));
        var record = new SignerRecord(Guid.NewGuid(), _propertyId, _companyId, fromFeed, "张伟", readAt, null, readAt);
        await ApplyAsync(app, record);
        (await StateAsync(app)).ShouldBe(new LocalCopyState(1, readAt, false));
        await HandleAsync(app, Added(fromEvent));

        var first = Bill("2026-11");
        await app.PublishAsync(first);
        (await Inbox.SingleAsync(app.ClientAsOccupant(fromFeed, _propertyId))).GetProperty("title").GetString().ShouldBe("2026-11 账单：1234.50 元");
        (await Inbox.SingleAsync(app.ClientAsOccupant(fromEvent, _propertyId))).GetProperty("sourceEventId").GetGuid().ShouldBe(first.EventId);

        // The company withdraws the first signer; the feed's older read arrives after the withdrawal.
        var withdrawn = new AuthorisedSignerWithdrawn(Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _companyId, record.SignerId, fromFeed, DateTimeOffset.UtcNow);
        await HandleAsync(app, withdrawn);
        await ApplyAsync(app, record);
        var second = Bill("2026-12");
        await app.PublishAsync(second);

        (await Inbox.WhenAsync(app.ClientAsOccupant(fromEvent, _propertyId), "/inbox", total => total >= 2)).GetProperty("total").GetInt32().ShouldBe(2);
        await Inbox.HandledAsync(app, second.EventId, times: 1);
        var stillOne = await app.ClientAsOccupant(fromFeed, _propertyId).GetFromJsonAsync<JsonElement>("/inbox", Cancellation);
        stillOne.GetProperty("items").EnumerateArray().ShouldHaveSingleItem().GetProperty("sourceEventId").GetGuid().ShouldBe(first.EventId);
    }

    [Fact]
    public void A_withdrawal_is_final_whatever_arrives_after_it()
    {
        var (company, person) = (Guid.NewGuid(), Guid.NewGuid());
        var at = DateTimeOffset.UtcNow;
        var signer = CompanySigner.For(Guid.NewGuid());

        signer.Take(_propertyId, company, person, at.AddMinutes(1), at.AddMinutes(1));
        signer.Take(_propertyId, company, person, null, at);

        signer.IsCurrent.ShouldBeFalse();
        signer.WithdrawnAt.ShouldBe(at.AddMinutes(1));
        signer.Version.ShouldBe(at.AddMinutes(1));
    }

    [Fact]
    public void An_authorisation_is_current_until_withdrawn_and_keeps_its_latest_version()
    {
        var at = DateTimeOffset.UtcNow;
        var signer = CompanySigner.For(Guid.NewGuid());

        signer.Take(_propertyId, _companyId, Guid.NewGuid(), null, at);
        signer.IsCurrent.ShouldBeTrue();
        signer.Version.ShouldBe(at);

        signer.Take(_propertyId, _companyId, signer.PersonId, at.AddDays(1), at.AddDays(1));
        signer.IsCurrent.ShouldBeFalse();
        signer.Version.ShouldBe(at.AddDays(1));
    }

    private AuthorisedSignerAdded Added(Guid personId)
    {
        var now = DateTimeOffset.UtcNow;
        return new(Guid.NewGuid(), now, _propertyId, _companyId, Guid.NewGuid(), personId, "签名人", now);
    }

    private ArrearsReminderDue Reminder() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, _unitId, "A座", "1201", _companyId, 1234.50m, 2, new DateOnly(2026, 11, 5), 32,
        new DateOnly(2026, 12, 7));

    private BillIssued Bill(string period) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, _propertyId, Guid.NewGuid(), _unitId, "1201", _companyId, period, FeeItem.PropertyService,
        "物业服务费", 1234.50m, new DateOnly(2026, 12, 5));

    private static async Task HandleAsync<TEvent>(NotificationsApp app, TEvent message) where TEvent : class, Contracts.IIntegrationEvent
    {
        await app.PublishAsync(message);
        await Inbox.HandledAsync(app, message.EventId, times: 1);
    }

    private static async Task ApplyAsync(NotificationsApp app, SignerRecord record)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ILocalCopy<SignerRecord>>().ApplyAsync([record], Cancellation);
    }

    private static async Task<LocalCopyState> StateAsync(NotificationsApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ILocalCopy<SignerRecord>>().ReadStateAsync(Cancellation);
    }
}
