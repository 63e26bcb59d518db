using System.Text.RegularExpressions;
using PropertyPlatform.Contracts;
using PropertyPlatform.Contracts.Reception;
using PropertyPlatform.Notifications.Domain;
using PropertyPlatform.Notifications.IntegrationEvents;
using PropertyPlatform.Notifications.Routing;
using PropertyPlatform.ServiceDefaults.Domain;

namespace PropertyPlatform.Notifications.Tests;

/// <summary>Every event the services publish is told to someone by default, and its templates read in both languages.</summary>
public sealed partial class EventCatalogTests
{
    private static readonly Type[] Published = [.. typeof(IIntegrationEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        // Directory's events keep the copy of contacts; they are nobody's news.
        .Where(t => t.Namespace?.EndsWith(".Directory", StringComparison.Ordinal) != true)];

    [Fact]
    public void Every_published_event_has_a_default_route_to_someone_or_a_consumer_of_its_own()
    {
        var ownConsumers = typeof(InboxConsumer<>).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(InboxConsumer<>))
            .Select(b => b!.GetGenericArguments()[0])
            .ToHashSet();

        var untold = Published.Where(t => EventCatalog.Find(t.Name) is not { Audiences.Count: > 0 } && !ownConsumers.Contains(t)).Select(t => t.Name);

        untold.ShouldBeEmpty();
        Published.ShouldContain(typeof(AccessCardLost));
    }

    [Fact]
    public void Every_event_of_the_catalog_has_a_chinese_and_an_english_name_of_its_own()
    {
        EventCatalog.Routes.Where(r => !EventNames.IsNamed(r.Name)).Select(r => r.Name).ShouldBeEmpty();
        var names = EventCatalog.Routes.Select(r => EventNames.Of(r.Name)).ToList();
        names.Select(n => n.ZhCn).Distinct().Count().ShouldBe(names.Count);
        names.Select(n => n.En).Distinct().Count().ShouldBe(names.Count);
        EventNames.Of("WorkOrderDispatched").ShouldBe(new EventName("报修已派工", "Repair dispatched"));
    }

    [Fact]
    public void Every_placeholder_of_a_template_or_link_names_a_field_of_its_event()
    {
        var unknown = EventCatalog.Routes.SelectMany(r =>
                new[] { r.Link, r.Template.TitleZhCn, r.Template.BodyZhCn, r.Template.TitleEn, r.Template.BodyEn }
                    .SelectMany(text => Placeholder().Matches(text).Select(m => m.Groups[1].Value))
                    .Where(field => r.Type.GetProperty(field) is null)
                    .Select(field => $"{r.Name}.{field}"))
            .ToList();

        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void A_template_reads_the_events_values_with_local_times_amounts_and_yes_or_no()
    {
        var issued = new AccessCardIssued(
            Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), "AC-0042", Guid.NewGuid(), "1201", "李娜", "远景科技", 200m,
            new DateOnly(2027, 6, 30), Guid.NewGuid(), "王芳");
        var route = EventCatalog.For<AccessCardIssued>();

        var text = TemplateRenderer.Render(route.Template, issued, PropertyCalendar.ChinaStandardTime);

        text.TitleZhCn.ShouldBe("出入证 AC-0042 已发放给 李娜");
        text.BodyZhCn.ShouldBe("房号：1201\n押金：200.00 元\n有效期至：2027-06-30");
        text.TitleEn.ShouldBe("Access card AC-0042 issued to 李娜");
        TemplateRenderer.Link(route.Link, issued).ShouldBe($"/api/reception/access-cards/{issued.AccessCardId}");

        var checkedOut = new UnitKeySignedOut(
            Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "1201 备用钥匙", "赵工", "查漏水",
            new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        TemplateRenderer.Render(EventCatalog.For<UnitKeySignedOut>().Template, checkedOut, PropertyCalendar.ChinaStandardTime)
            .BodyEn.ShouldBe("Holder: 赵工\nReason: 查漏水\nBack by: 6 Dec 18:00");
    }

    [Fact]
    public void A_rule_that_tells_someone_needs_a_channel_and_may_silence_an_event_with_no_audience()
    {
        var rule = RoutingRule.For(Guid.NewGuid(), "VisitorCheckedIn");

        Should.Throw<ServiceDefaults.Problems.DomainRuleException>(() => rule.Change([Audience.Occupant], [], DateTimeOffset.UtcNow));
        rule.Change([], [], DateTimeOffset.UtcNow);
        rule.Audiences.ShouldBeEmpty();
        rule.Change([Audience.Security, Audience.Occupant, Audience.Security], [RouteChannel.Sms, RouteChannel.Inbox], DateTimeOffset.UtcNow);
        rule.Audiences.ShouldBe([Audience.Occupant, Audience.Security]);
        rule.Channels.ShouldBe([RouteChannel.Inbox, RouteChannel.Sms]);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
